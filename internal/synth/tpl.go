package synth

import "strings"

// slot identifies a value that a template can refer to as {NAME}.
type slot uint8

// The slots. Each story fills a [numSlots]string with its cast; slotCredit is drawn afresh at every use.
const (
	slotCity slot = iota
	slotRegion
	slotCountry
	slotGov
	slotMayor
	slotZel
	slotZelFull
	slotNatoSG
	slotUSPres
	slotUSSec
	slotEUFP
	slotUAFM
	slotUADM
	slotUACinC
	slotRUDM
	slotUKPM
	slotDEChanc
	slotCNSpox
	slotWeekday
	slotDateCap
	slotDead
	slotInjured
	slotDrones
	slotMissiles
	slotKm
	slotAttacks
	slotCivilians
	slotPOWs
	slotMoney
	slotVenue
	slotVenueCountry
	slotCapGov
	slotDonorCap
	slotDonorAdj
	slotDonorMin
	slotPackage
	slotResident
	slotAge
	slotJob
	slotSoldier
	slotNGO
	slotNGOHead
	slotNGOLast
	slotWeapon
	slotDonbas
	slotKiev
	slotReporter
	slotReporter2
	slotEditor
	slotCredit
	numSlots
)

var slotNames = map[string]slot{
	"CITY": slotCity, "REGION": slotRegion, "COUNTRY": slotCountry, "GOV": slotGov, "MAYOR": slotMayor,
	"ZEL": slotZel, "ZELFULL": slotZelFull, "NATOSG": slotNatoSG, "USPRES": slotUSPres, "USSEC": slotUSSec,
	"EUFP": slotEUFP, "UAFM": slotUAFM, "UADM": slotUADM, "UACINC": slotUACinC, "RUDM": slotRUDM,
	"UKPM": slotUKPM, "DECHANC": slotDEChanc, "CNSPOX": slotCNSpox, "WEEKDAY": slotWeekday,
	"DATECAP": slotDateCap, "N_DEAD": slotDead, "N_INJ": slotInjured, "N_DRONES": slotDrones,
	"N_MISSILES": slotMissiles, "N_KM": slotKm, "N_ATTACKS": slotAttacks, "N_CIV": slotCivilians,
	"N_POW": slotPOWs, "MONEY": slotMoney, "VENUE": slotVenue, "VENUECOUNTRY": slotVenueCountry,
	"CAPGOV": slotCapGov, "DONORCAP": slotDonorCap, "DONORADJ": slotDonorAdj, "DONORMIN": slotDonorMin,
	"PKG": slotPackage, "RESIDENT": slotResident, "AGE": slotAge, "JOB": slotJob, "SOLDIER": slotSoldier,
	"NGO": slotNGO, "NGOHEAD": slotNGOHead, "NGOLAST": slotNGOLast, "WEAPON": slotWeapon,
	"DONBAS": slotDonbas, "KIEV": slotKiev, "REPORTER": slotReporter, "REPORTER2": slotReporter2,
	"EDITOR": slotEditor, "CREDIT": slotCredit,
}

// seg is one piece of a parsed template: literal text, or a slot when isSlot is set.
type seg struct {
	lit    string
	slot   slot
	isSlot bool
}

// tpl is a parsed paragraph template, usable only on days within [from, to].
type tpl struct {
	segs     []seg
	from, to day
	size     int    // literal bytes, a lower bound of the expanded size
	needs    uint64 // bit set of the slots used
	template string // the source, kept for error messages
}

// parse turns "@YYYY-MM-DD..YYYY-MM-DD|text with {SLOTS}" into a tpl. The window prefix is
// optional and either end may be empty. It panics on unknown slots: templates are package data.
func parse(src string) tpl {
	t := tpl{from: firstDay, to: lastDay, template: src}
	text := src
	if strings.HasPrefix(text, "@") {
		win, rest, ok := strings.Cut(text[1:], "|")
		if !ok {
			panic("synth: template window without '|': " + src)
		}
		a, b, _ := strings.Cut(win, "..")
		if a != "" {
			t.from = mkday(a)
		}
		if b != "" {
			t.to = mkday(b)
		}
		text = rest
	}
	for text != "" {
		i := strings.IndexByte(text, '{')
		if i < 0 {
			t.segs = append(t.segs, seg{lit: text})
			t.size += len(text)
			break
		}
		if i > 0 {
			t.segs = append(t.segs, seg{lit: text[:i]})
			t.size += i
		}
		j := strings.IndexByte(text[i:], '}')
		if j < 0 {
			panic("synth: unclosed slot in template: " + src)
		}
		s, ok := slotNames[text[i+1:i+j]]
		if !ok {
			panic("synth: unknown slot " + text[i:i+j+1] + " in template: " + src)
		}
		t.segs = append(t.segs, seg{slot: s, isSlot: true})
		t.needs |= 1 << s
		text = text[i+j+1:]
	}
	return t
}

// parseAll parses a list of templates.
func parseAll(srcs []string) []tpl {
	out := make([]tpl, len(srcs))
	for i, s := range srcs {
		out[i] = parse(s)
	}
	return out
}

// usable reports whether t fits the day and every slot it needs has a value.
func (t *tpl) usable(d day, have uint64) bool {
	return d >= t.from && d <= t.to && t.needs&^have == 0
}

// Expansion modes. People are named in full at their first mention in the body and by surname
// afterwards. Headlines always use surnames. Captions always use full names and do not count as mentions.
const (
	modeBody = iota
	modeHead
	modeCaption
)

// personSlots are the slots that hold a person's full name.
const personSlots = 1<<slotGov | 1<<slotMayor | 1<<slotZel | 1<<slotZelFull | 1<<slotNatoSG | 1<<slotUSPres |
	1<<slotUSSec | 1<<slotEUFP | 1<<slotUAFM | 1<<slotUADM | 1<<slotUACinC | 1<<slotRUDM | 1<<slotUKPM |
	1<<slotDEChanc | 1<<slotCNSpox | 1<<slotDonorMin | 1<<slotNGOHead

// surnameFirst lists names whose family name comes first.
var surnameFirst = map[string]bool{"Wang Wenbin": true, "Mao Ning": true, "Lin Jian": true}

// env is what a story's templates expand against.
type env struct {
	vals [numSlots]string // full values
	last [numSlots]string // surnames, for person slots
	r    *rng
	mode int
	seen uint64 // person slots already mentioned in the body
}

// setLast derives the surnames of the person slots from their full values.
func (e *env) setLast() {
	for s := slot(0); s < numSlots; s++ {
		if personSlots&(1<<s) != 0 {
			v := e.vals[s]
			if i := strings.IndexByte(v, ' '); i > 0 && surnameFirst[v] {
				e.last[s] = v[:i]
			} else {
				e.last[s] = v[strings.LastIndexByte(v, ' ')+1:]
			}
		}
	}
}

// expand appends t filled from e. slotCredit draws a new photo credit each time.
func (t *tpl) expand(dst []byte, e *env) []byte {
	for _, s := range t.segs {
		switch {
		case !s.isSlot:
			dst = append(dst, s.lit...)
		case s.slot == slotCredit:
			dst = append(dst, pick(e.r, photoCredits)...)
		case personSlots&(1<<s.slot) == 0 || e.mode == modeCaption:
			dst = append(dst, e.vals[s.slot]...)
		default:
			bit := uint64(1) << s.slot
			if s.slot == slotZel {
				bit = 1 << slotZelFull // two spellings of one person share the first mention
			}
			if e.mode == modeHead || e.seen&bit != 0 {
				dst = append(dst, e.last[s.slot]...)
			} else {
				dst = append(dst, e.vals[s.slot]...)
				e.seen |= bit
			}
		}
	}
	return dst
}
