package entities

import (
	"slices"

	"github.com/warwire/warwire/pipeline"
)

// builder collects mentions per entity id. Its memory belongs to the pooled
// doc and is reused; result copies what the caller keeps.
type builder struct {
	ix    *Index
	byID  map[string]int
	out   []pipeline.Entity // entities in order of first add, Spans unset
	spans []entSpan         // every mention in order of add
	count []int32           // scratch: mentions per entity
}

// entSpan is a mention of entity out[ent].
type entSpan struct {
	ent int32
	sp  pipeline.Span
}

// reset empties b for a new story, keeping its memory.
func (b *builder) reset(ix *Index) {
	b.ix = ix
	clear(b.byID)
	clear(b.out) // drop references to the last story's entities
	b.out, b.spans = b.out[:0], b.spans[:0]
}

func (b *builder) addKB(e int32, sp pipeline.Span) {
	b.add(&b.ix.ents[e].Entity, sp)
}

// add records a mention of the entity tmpl at sp.
func (b *builder) add(tmpl *pipeline.Entity, sp pipeline.Span) {
	n, ok := b.byID[tmpl.ID]
	if !ok {
		n = len(b.out)
		b.byID[tmpl.ID] = n
		e := *tmpl
		e.Spans = nil
		b.out = append(b.out, e)
	}
	b.spans = append(b.spans, entSpan{ent: int32(n), sp: sp})
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

// remove drops every mention inside span sp (taken over by a longer name),
// and the entities left without mentions.
func (b *builder) remove(sp pipeline.Span) {
	spans := b.spans[:0]
	for _, s := range b.spans {
		if s.sp[0] < sp[0] || s.sp[1] > sp[1] {
			spans = append(spans, s)
		}
	}
	b.spans = spans
	remap := b.counts() // reused: count, then new index or -1
	out := b.out[:0]
	for i, e := range b.out {
		if remap[i] == 0 {
			remap[i] = -1
			continue
		}
		remap[i] = int32(len(out))
		out = append(out, e)
	}
	clear(b.out[len(out):])
	b.out = out
	for i := range b.spans {
		b.spans[i].ent = remap[b.spans[i].ent]
	}
	clear(b.byID)
	for i, e := range b.out {
		b.byID[e.ID] = i
	}
}

// result returns the entities with their spans sorted, deduplicated and
// counted, ordered by first mention; nil when there are none. The spans of
// all entities share one allocation.
func (b *builder) result() []pipeline.Entity {
	if len(b.out) == 0 {
		return nil
	}
	cnt := b.counts()
	all := make([]pipeline.Span, len(b.spans))
	off := 0
	for i := range b.out {
		n := int(cnt[i])
		b.out[i].Spans = all[off : off : off+n]
		off += n
	}
	for _, s := range b.spans {
		b.out[s.ent].Spans = append(b.out[s.ent].Spans, s.sp)
	}
	order := cnt[:0] // reused: entity indexes by first mention
	for i := range b.out {
		e := &b.out[i]
		slices.SortFunc(e.Spans, func(x, y pipeline.Span) int { return x[0] - y[0] })
		e.Spans = slices.CompactFunc(e.Spans, func(x, y pipeline.Span) bool { return x == y })
		e.Mentions = len(e.Spans)
		order = append(order, int32(i))
	}
	slices.SortStableFunc(order, func(x, y int32) int { return b.out[x].Spans[0][0] - b.out[y].Spans[0][0] })
	out := make([]pipeline.Entity, len(b.out))
	for i, k := range order {
		out[i] = b.out[k]
	}
	return out
}
