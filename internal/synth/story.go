package synth

import (
	"strconv"
	"time"
)

// The body grows to bodyMin plus a random part of bodySpread bytes. Then it is trimmed or
// extended so that the JSON document stays within [MinJSONBytes, MaxJSONBytes].
const (
	bodyMin    = 2700
	bodySpread = 1900
)

// pattern is the order in which quotes (q), body paragraphs (b) and captions (c) follow the lead.
const pattern = "qbcqbbqbcbbqbbcbbqbbbcbbb"

// kyivCity is the head of the Kyiv city military administration, who is quoted after strikes on the capital.
var kyivCity = of("", "Serhiy Popko", "2025-03-01", "Tymur Tkachenko")

// pickKind draws a story kind by weight.
func pickKind(r *rng) int {
	total := 0
	for i := range kinds {
		total += kinds[i].weight
	}
	n := r.intn(total)
	for i := range kinds {
		if n < kinds[i].weight {
			return i
		}
		n -= kinds[i].weight
	}
	return 0
}

// escExtra is how many bytes JSON escaping adds to each byte value.
var escExtra = func() (t [256]uint8) {
	for c := 0; c < 0x20; c++ {
		t[c] = 5 // \u00XX
	}
	t['"'], t['\\'], t['\n'], t['\t'], t['\r'] = 1, 1, 1, 1, 1
	return t
}()

// escLen is the number of bytes that JSON escaping adds to s.
func escLen(s []byte) int {
	n := 0
	for _, c := range s {
		n += int(escExtra[c])
	}
	return n
}

// compose builds story i into the generator's buffers.
func (g *Generator) compose(i int) {
	r := newRNG(g.seed, i)
	d := firstDay + day(r.intn(int(lastDay-firstDay)+1))
	t := dayTime(d, 4*3600+r.intn(19*3600))
	k := pickKind(&r)
	ag := agencies[r.intn(len(agencies))]
	e := &g.env
	v := &e.vals
	dl := cast(v, &r, k, d, t, ag)
	if k == kStrike && v[slotCity] == "Kyiv" {
		v[slotGov] = kyivCity.at(d)
	}
	var have uint64 = 1 << slotCredit
	for s := range v {
		if v[s] != "" {
			have |= 1 << s
		}
	}
	e.setLast()
	e.r, e.seen = &r, 0
	kd := &kinds[k]

	g.uri = strconv.AppendInt(append(g.uri[:0], "urn:newsml:warwire-synth:"...), g.seed, 10)
	g.uri = strconv.AppendInt(append(g.uri, ':'), int64(i), 10)
	g.url = strconv.AppendInt(append(g.url[:0], "https://example.org/synth/"...), g.seed, 10)
	g.url = strconv.AppendInt(append(g.url, '/'), int64(i), 10)
	g.vc = t.AppendFormat(g.vc[:0], time.RFC3339)
	fc := t
	if r.pct(40) {
		fc = t.Add(-time.Duration(5+r.intn(90)) * time.Minute)
	}
	g.fc = fc.AppendFormat(g.fc[:0], time.RFC3339)
	g.holder = append(g.holder[:0], ag.name...)
	g.subj = kd.subjects
	switch k {
	case kStrike:
		g.urgency = 1 + r.intn(3)
	case kFront, kNuclear:
		g.urgency = 2 + r.intn(3)
	default:
		g.urgency = 3 + r.intn(6)
	}
	g.located = append(append(append(g.located[:0], dl.name...), ", "...), dl.country...)
	g.byline = append(g.byline[:0], "By "...)
	switch n := r.intn(10); {
	case n < 2:
		g.byline = append(append(g.byline, ag.name...), " staff"...)
	case n < 5:
		g.byline = append(append(append(g.byline, v[slotReporter]...), " and "...), v[slotReporter2]...)
	default:
		g.byline = append(g.byline, v[slotReporter]...)
	}
	// The lede: a usable lead and one of its usable headlines.
	var ld *lede
	for n, j := 0, 0; j < len(kd.ledes); j++ {
		if l := &kd.ledes[j]; l.lead.usable(d, have) {
			if n++; r.intn(n) == 0 {
				ld = l
			}
		}
	}
	g.q = shuffled(g.q[:0], &r, ld.heads, d, have)
	e.mode = modeHead
	g.head = g.q[0].expand(g.head[:0], e)
	e.mode = modeBody
	g.body = appendDateline(g.body[:0], &r, dl, t, ag)
	g.body = ld.lead.expand(g.body, e)

	// Queues: the kind's quotes; its own paragraphs followed by at most three reactions and two
	// background paragraphs; at most three captions; and spares, used only to reach the minimum size.
	g.q = shuffled(g.q[:0], &r, kd.quotes, d, have)
	g.b = shuffled(g.b[:0], &r, kd.body, d, have)
	nb := len(g.b)
	g.b = shuffled(g.b, &r, reactions, d, have)
	g.spare = append(g.spare[:0], g.b[min(nb+3, len(g.b)):]...)
	g.b = g.b[:min(nb+3, len(g.b))]
	nb = len(g.b)
	g.b = shuffled(g.b, &r, background, d, have)
	g.spare = append(g.spare, g.b[min(nb+2, len(g.b)):]...)
	g.b = g.b[:min(nb+2, len(g.b))]
	g.c = shuffled(g.c[:0], &r, kd.captions, d, have)
	g.c = shuffled(g.c, &r, captionsShared, d, have)
	g.c = g.c[:min(3, len(g.c))]
	q, b, c, spare := g.q, g.b, g.c, g.spare
	esc := escLen(g.body)
	g.paras, g.escs = g.paras[:0], g.escs[:0]
	step := 0
	push := func(t *tpl, mode int) {
		start := len(g.body)
		g.paras, g.escs = append(g.paras, start), append(g.escs, esc)
		e.mode = mode
		g.body = t.expand(append(g.body, "\n\n"...), e)
		esc += escLen(g.body[start:])
	}
	add := func() bool {
		want := pattern[step%len(pattern)]
		step++
		for _, ch := range [...]byte{want, 'b', 'q', 'c'} {
			switch {
			case ch == 'q' && len(q) > 0:
				push(q[0], modeBody)
				q = q[1:]
				return true
			case ch == 'b' && len(b) > 0:
				push(b[0], modeBody)
				b = b[1:]
				return true
			case ch == 'c' && len(c) > 0:
				push(c[0], modeCaption)
				c = c[1:]
				return true
			}
		}
		return false
	}
	overhead := len(appendNINJS(g.out[:0], g.uri, g.vc, g.fc, g.head, g.byline, g.located, g.holder, g.url, nil,
		"text", "usable", "en", 1, g.urgency, g.subj)) - 2
	for target := bodyMin + r.intn(bodySpread); len(g.body) < target && add(); {
	}
	for overhead+len(g.body)+2+esc < MinJSONBytes {
		if !add() {
			if len(spare) == 0 {
				break
			}
			push(spare[0], modeBody)
			spare = spare[1:]
		}
	}
	if r.pct(40) {
		push(&credits[r.intn(len(credits))], modeCaption)
	}
	for last := len(g.paras) - 1; overhead+len(g.body)+2+esc > MaxJSONBytes && last > 0; last-- {
		g.body, esc = g.body[:g.paras[last]], g.escs[last]
		g.paras, g.escs = g.paras[:last], g.escs[:last]
	}
}
