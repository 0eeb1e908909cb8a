package entities

import (
	"slices"

	"github.com/warwire/warwire/pipeline"
	"github.com/warwire/warwire/pipeline/entities/mention"
	"github.com/warwire/warwire/pipeline/entities/text"
)

// builder collects mentions per entity id. Its memory belongs to the pooled
// doc and is reused; result copies what the caller keeps.
type builder struct {
	ix     *Index
	byID   map[string]int    // out index of the entities not in the knowledge base
	slot   []int32           // out index + 1 of each knowledge-base entity, 0: none
	slotIx *Index            // the index slot is sized for
	out    []pipeline.Entity // entities in order of first add, Spans unset
	kbOf   []int32           // knowledge-base entity of each out entity, or -1
	spans  []entSpan         // every mention in order of add
	count  []int32           // scratch: mentions per entity
	toks   []text.Token      // the story's tokens, which mentions cover
	byEnt  []entSpan         // scratch of result: spans grouped by entity
	starts []int32           // scratch of result: group bounds in byEnt
	ms     []mention.Mention // the mentions of the last result, by entity then span
}

// entSpan is a mention of entity out[ent] at code point span sp, which
// covers tokens [t0, t1).
type entSpan struct {
	ent    int32
	t0, t1 int32
	sp     pipeline.Span
}

// reset empties b for a new story over toks, keeping its memory.
func (b *builder) reset(ix *Index, toks []text.Token) {
	b.clearSlots()
	if ix != nil && b.slotIx != ix {
		b.slot, b.slotIx = make([]int32, len(ix.ents)), ix
	}
	b.ix, b.toks = ix, toks
	if len(b.byID) > 0 {
		clear(b.byID)
	}
	clear(b.out) // drop references to the last story's entities
	b.out, b.kbOf, b.spans = b.out[:0], b.kbOf[:0], b.spans[:0]
}

// clearSlots zeroes the slots of the entities in out.
func (b *builder) clearSlots() {
	for _, e := range b.kbOf {
		if e >= 0 {
			b.slot[e] = 0
		}
	}
}

// span returns the code point span of tokens [t0, t1).
func (b *builder) span(t0, t1 int) pipeline.Span {
	return pipeline.Span{int(b.toks[t0].RStart), int(b.toks[t1-1].REnd)}
}

// addKB records a mention of knowledge-base entity e over tokens [t0, t1).
func (b *builder) addKB(e int32, t0, t1 int) {
	b.addAt(e, &b.ix.ents[e].Entity, t0, t1)
}

// add records a mention of the entity tmpl over tokens [t0, t1). An entity
// with the id of a knowledge-base entity is that entity.
func (b *builder) add(tmpl *pipeline.Entity, t0, t1 int) {
	if e, ok := b.ix.byID.get(tmpl.ID); ok {
		b.addAt(e, tmpl, t0, t1)
		return
	}
	n, ok := b.byID[tmpl.ID]
	if !ok {
		n = b.newEntity(tmpl, -1)
		b.byID[tmpl.ID] = n
	}
	b.addSpan(n, t0, t1)
}

// addAt records a mention of knowledge-base entity e, whose id tmpl has,
// over tokens [t0, t1).
func (b *builder) addAt(e int32, tmpl *pipeline.Entity, t0, t1 int) {
	n := int(b.slot[e]) - 1
	if n < 0 {
		n = b.newEntity(tmpl, e)
		b.slot[e] = int32(n + 1)
	}
	b.addSpan(n, t0, t1)
}

// newEntity appends a copy of tmpl without spans to out, with knowledge-base
// entity e (or -1), and returns its index.
func (b *builder) newEntity(tmpl *pipeline.Entity, e int32) int {
	c := *tmpl
	c.Spans = nil
	b.out = append(b.out, c)
	b.kbOf = append(b.kbOf, e)
	return len(b.out) - 1
}

// addSpan records a mention of out[n] over tokens [t0, t1).
func (b *builder) addSpan(n, t0, t1 int) {
	b.spans = append(b.spans, entSpan{ent: int32(n), t0: int32(t0), t1: int32(t1), sp: b.span(t0, t1)})
}

// counts returns the number of mentions of each entity.
func (b *builder) counts() []int32 {
	b.count = slices.Grow(b.count[:0], len(b.out))[:len(b.out)]
	clear(b.count)
	for _, s := range b.spans {
		b.count[s.ent]++
	}
	return b.count
}

// remove drops every mention inside tokens [t0, t1) (taken over by a longer
// name), and the entities left without mentions.
func (b *builder) remove(t0, t1 int) {
	sp := b.span(t0, t1)
	spans := b.spans[:0]
	for _, s := range b.spans {
		if s.sp[0] < sp[0] || s.sp[1] > sp[1] {
			spans = append(spans, s)
		}
	}
	b.spans = spans
	remap := b.counts() // reused: count, then new index or -1
	b.clearSlots()
	out, kbOf := b.out[:0], b.kbOf[:0]
	for i, e := range b.out {
		if remap[i] == 0 {
			remap[i] = -1
			continue
		}
		remap[i] = int32(len(out))
		out, kbOf = append(out, e), append(kbOf, b.kbOf[i])
	}
	clear(b.out[len(out):])
	b.out, b.kbOf = out, kbOf
	for i := range b.spans {
		b.spans[i].ent = remap[b.spans[i].ent]
	}
	clear(b.byID)
	for i, e := range b.out {
		if k := b.kbOf[i]; k >= 0 {
			b.slot[k] = int32(i + 1)
		} else {
			b.byID[e.ID] = i
		}
	}
}

// result returns the entities with their spans sorted, deduplicated and
// counted, ordered by first mention (nil when there are none). The spans of
// all entities share one allocation.
func (b *builder) result() []pipeline.Entity {
	b.ms = b.ms[:0]
	if len(b.out) == 0 {
		return nil
	}
	b.group()
	all := make([]pipeline.Span, len(b.spans))
	order := b.count[:0] // reused: entity indexes by first mention
	for i := range b.out {
		g := b.byEnt[b.starts[i]:b.starts[i+1]]
		sortSpans(g)
		g = compactSpans(g)
		e := &b.out[i]
		e.Spans = all[b.starts[i] : int(b.starts[i])+len(g)]
		for k := range g {
			e.Spans[k] = g[k].sp
		}
		e.Mentions = len(g)
		order = append(order, int32(i))
	}
	b.sortByFirst(order)
	out := make([]pipeline.Entity, len(b.out))
	for i, k := range order {
		out[i] = b.out[k]
		for _, s := range b.byEnt[b.starts[k] : int(b.starts[k])+len(out[i].Spans)] {
			b.ms = append(b.ms, mention.Mention{Ent: i, T0: int(s.t0), T1: int(s.t1)})
		}
	}
	return out
}

// sortSpans sorts g by span start as slices.SortFunc does, whose result
// with equal starts depends on its algorithm: up to 12 elements that is the
// insertion sort below, which moves an element only past greater ones.
func sortSpans(g []entSpan) {
	if len(g) > 12 {
		slices.SortFunc(g, func(x, y entSpan) int { return x.sp[0] - y.sp[0] })
		return
	}
	for i := 1; i < len(g); i++ {
		for j := i; j > 0 && g[j].sp[0] < g[j-1].sp[0]; j-- {
			g[j], g[j-1] = g[j-1], g[j]
		}
	}
}

// compactSpans drops the spans of g (sorted by start) equal to the one
// before them, in place.
func compactSpans(g []entSpan) []entSpan {
	n := min(len(g), 1)
	for k := 1; k < len(g); k++ {
		if g[k].sp != g[n-1].sp {
			g[n] = g[k]
			n++
		}
	}
	return g[:n]
}

// sortByFirst sorts the entity indexes order stably by first span start.
// A stable sort has one result, so the insertion sort for the usual few
// entities gives what slices.SortStableFunc gives.
func (b *builder) sortByFirst(order []int32) {
	first := func(k int32) int { return b.out[k].Spans[0][0] }
	if len(order) > 64 {
		slices.SortStableFunc(order, func(x, y int32) int { return first(x) - first(y) })
		return
	}
	for i := 1; i < len(order); i++ {
		for j := i; j > 0 && first(order[j]) < first(order[j-1]); j-- {
			order[j], order[j-1] = order[j-1], order[j]
		}
	}
}

// group copies the spans into byEnt grouped by entity, each group in order
// of add: entity i's are byEnt[starts[i]:starts[i+1]].
func (b *builder) group() {
	cnt := b.counts()
	b.starts = slices.Grow(b.starts[:0], len(cnt)+1)[:len(cnt)+1]
	b.starts[0] = 0
	for i, n := range cnt {
		b.starts[i+1] = b.starts[i] + n
		cnt[i] = b.starts[i] // reused: next free slot of each group
	}
	b.byEnt = slices.Grow(b.byEnt[:0], len(b.spans))[:len(b.spans)]
	for _, s := range b.spans {
		b.byEnt[cnt[s.ent]] = s
		cnt[s.ent]++
	}
}
