package synth

import (
	"strconv"
	"time"
)

// rng is a SplitMix64 generator. It is defined here, not taken from math/rand, so that the
// output stays byte-identical across Go releases.
type rng struct{ s uint64 }

// newRNG derives the stream for story i of a seed; streams do not depend on each other.
func newRNG(seed int64, i int) rng {
	r := rng{s: uint64(seed)*0x9E3779B97F4A7C15 ^ uint64(i)*0xD1B54A32D192ED03}
	r.next()
	return r
}

func (r *rng) next() uint64 {
	r.s += 0x9E3779B97F4A7C15
	z := r.s
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

// intn returns a number in [0, n); n must be positive.
func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

// pct returns true with probability p percent.
func (r *rng) pct(p int) bool { return r.intn(100) < p }

func pick(r *rng, xs []string) string { return xs[r.intn(len(xs))] }

// pickPlace picks one of the places that are usable on d; ok is false when none is.
func pickPlace(r *rng, ps []place, d day) (p place, ok bool) {
	n := 0
	for i := range ps {
		if d >= ps[i].from && d <= ps[i].to {
			n++
			if r.intn(n) == 0 { // reservoir sampling keeps the choice uniform
				p, ok = ps[i], true
			}
		}
	}
	return p, ok
}

var (
	months      = [...]string{"Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec"}
	zelVariants = []string{"Zelenskyy", "Zelensky", "Zelenskiy"}
	moneyEUR    = []string{"150 million euros", "300 million euros", "500 million euros", "700 million euros", "1.1 billion euros"}
	moneyUSD    = []string{"$125 million", "$250 million", "$400 million", "$1.2 billion", "$2.3 billion"}
	moneyGBP    = []string{"150 million pounds", "250 million pounds", "500 million pounds"}
	seaPorts    = []place{pl("Odesa", "Odesa region", "Ukraine", ""), pl("Izmail", "Odesa region", "Ukraine", ""),
		pl("Chornomorsk", "Odesa region", "Ukraine", ""), pl("Pivdennyi", "Odesa region", "Ukraine", "")}
	nuclearDL = []place{pl("Kyiv", "Kyiv region", "Ukraine", ""), pl("Vienna", "", "Austria", ""),
		pl("Zaporizhzhia", "Zaporizhzhia region", "Ukraine", "")}
	brussels = pl("Brussels", "", "Belgium", "")
	kyiv     = pl("Kyiv", "Kyiv region", "Ukraine", "")
)

// ordinal formats n as "1st", "2nd", "14th".
func ordinal(n int) string {
	s := strconv.Itoa(n)
	switch {
	case n%100 >= 11 && n%100 <= 13:
		return s + "th"
	case n%10 == 1:
		return s + "st"
	case n%10 == 2:
		return s + "nd"
	case n%10 == 3:
		return s + "rd"
	}
	return s + "th"
}

// thousands formats n with comma separators.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// cast fills the slot values of one story and returns the dateline place.
func cast(v *[numSlots]string, r *rng, k int, d day, t time.Time, ag agency) (dl place) {
	var main place
	switch k {
	case kStrike:
		main, _ = pickPlace(r, strikeCities, d)
		dl = main
	case kFront:
		main, _ = pickPlace(r, frontPlaces, d)
		dl = main
		if r.pct(45) {
			dl = kyiv
		}
	case kDiplomacy:
		main, _ = pickPlace(r, venues, d)
		dl = main
	case kAid:
		var dn donor
		for dn = donors[r.intn(len(donors))]; d >= dn.until; dn = donors[r.intn(len(donors))] {
		}
		v[slotDonorCap], v[slotDonorAdj], v[slotDonorMin] = dn.capital, dn.adj, dn.minister.at(d)
		switch dn.adj {
		case "U.S.":
			v[slotMoney] = pick(r, moneyUSD)
		case "British":
			v[slotMoney] = pick(r, moneyGBP)
		default:
			v[slotMoney] = pick(r, moneyEUR)
		}
		main = pl(dn.capital, "", dn.country, "")
		dl = main
	case kSanctions:
		main, dl = brussels, brussels
	case kNuclear:
		main = pl("Enerhodar", "Zaporizhzhia region", "Ukraine", "")
		dl = nuclearDL[r.intn(len(nuclearDL))]
	case kSea:
		main = seaPorts[r.intn(len(seaPorts))]
		dl = main
	default:
		main, dl = kyiv, kyiv
	}
	v[slotCity], v[slotRegion], v[slotCountry] = main.name, main.region, main.country
	if main.region == "" || k == kNuclear {
		fp, _ := pickPlace(r, frontPlaces, d)
		v[slotRegion] = fp.region
	}
	v[slotGov] = ""
	if g, ok := governors[v[slotRegion]]; ok {
		v[slotGov] = g.at(d)
	}
	v[slotMayor] = ""
	if k == kStrike {
		v[slotMayor] = mayors[main.name]
	}
	v[slotVenue], v[slotVenueCountry] = brussels.name, brussels.country
	if k == kDiplomacy {
		v[slotVenue], v[slotVenueCountry] = main.name, main.country
	}
	zel := ag.zel
	if r.pct(12) {
		zel = pick(r, zelVariants)
	}
	v[slotZel], v[slotZelFull] = "Volodymyr "+zel, "Volodymyr "+zel
	v[slotNatoSG], v[slotUSPres], v[slotUSSec], v[slotEUFP] = natoSG.at(d), usPres.at(d), usSec.at(d), euFP.at(d)
	v[slotUAFM], v[slotUADM], v[slotUACinC], v[slotRUDM] = uaFM.at(d), uaDM.at(d), uaCinC.at(d), ruDM.at(d)
	v[slotUKPM], v[slotDEChanc], v[slotCNSpox] = ukPM.at(d), deChanc.at(d), cnSpox.at(d)
	v[slotWeekday] = t.Weekday().String()
	v[slotDateCap] = t.Month().String() + " " + strconv.Itoa(t.Day()) + ", " + strconv.Itoa(t.Year())
	v[slotDead], v[slotInjured] = strconv.Itoa(2+r.intn(44)), strconv.Itoa(8+r.intn(133))
	v[slotDrones], v[slotMissiles] = strconv.Itoa(20+r.intn(431)), strconv.Itoa(3+r.intn(68))
	v[slotKm], v[slotAttacks] = strconv.Itoa(2+r.intn(19)), strconv.Itoa(12+r.intn(54))
	v[slotCivilians], v[slotPOWs] = thousands(100*(3+r.intn(118))), strconv.Itoa(5*(10+r.intn(70)))
	v[slotCapGov] = pick(r, capitalsAsGov)
	pkg := len(euPackages)
	for i, pd := range euPackages {
		if pd >= d {
			pkg = i + 1
			break
		}
	}
	v[slotPackage] = ordinal(pkg)
	v[slotResident], v[slotJob] = pick(r, residents), pick(r, jobs)
	switch v[slotJob] {
	case "pensioner", "retired teacher":
		v[slotAge] = strconv.Itoa(61 + r.intn(27))
	case "student":
		v[slotAge] = strconv.Itoa(18 + r.intn(6))
	default:
		v[slotAge] = strconv.Itoa(24 + r.intn(38))
	}
	n := ngos[r.intn(len(ngos))]
	v[slotNGO], v[slotNGOHead], v[slotNGOLast] = n.name, n.head, n.last
	v[slotSoldier], v[slotWeapon] = pick(r, callSigns), pick(r, weapons)
	v[slotDonbas], v[slotKiev] = "", "Kyiv"
	if v[slotRegion] == "Donetsk region" || v[slotRegion] == "Luhansk region" {
		v[slotDonbas] = "Donbas"
		if r.pct(25) {
			v[slotDonbas] = "Donbass"
		}
	}
	if r.pct(60) {
		v[slotKiev] = "Kiev"
	}
	v[slotReporter], v[slotReporter2], v[slotEditor] = pick(r, reporters), pick(r, reporters), pick(r, editors)
	for v[slotReporter2] == v[slotReporter] {
		v[slotReporter2] = pick(r, reporters)
	}
	return dl
}

// appendDateline appends an agency-style dateline such as "KYIV, June 12 (Agency) - ".
func appendDateline(dst []byte, r *rng, dl place, t time.Time, ag agency) []byte {
	dst = append(dst, dl.upper...)
	switch r.intn(4) {
	case 0:
		return append(dst, " — "...)
	case 1:
		dst = append(dst, " ("...)
		dst = append(dst, ag.credit...)
		return append(dst, ") - "...)
	case 2:
		if dl.country == "Ukraine" && dl.name != "Kyiv" {
			dst = append(dst, ", "...)
			dst = append(dst, dl.country...)
		}
	}
	dst = append(dst, ", "...)
	dst = append(dst, months[t.Month()-1]...)
	dst = append(dst, ' ')
	dst = strconv.AppendInt(dst, int64(t.Day()), 10)
	dst = append(dst, " ("...)
	dst = append(dst, ag.name...)
	return append(dst, ") - "...)
}

// shuffled appends to dst the templates of ts usable on d, in random order.
func shuffled(dst []*tpl, r *rng, ts []tpl, d day, have uint64) []*tpl {
	start := len(dst)
	for i := range ts {
		if ts[i].usable(d, have) {
			dst = append(dst, &ts[i])
		}
	}
	add := dst[start:]
	for i := len(add) - 1; i > 0; i-- {
		j := r.intn(i + 1)
		add[i], add[j] = add[j], add[i]
	}
	return dst
}
