package entities

import "github.com/warwire/warwire/pipeline/entities/text"

// The dictionary scan. The vocabulary ids of the tokens are looked up on
// demand (see doc.id): only the tokens the start filter passes and the
// tokens a phrase may go on into are looked up, most body words not at all.

// scan finds the leftmost-longest dictionary phrases that pass the case rules.
// It looks up only the tokens the start filter passes (all plain words but
// few) and the tokens a phrase may go on into.
func (d *doc) scan(ix *Index) {
	toks, ids, lower, root := d.toks, d.ids[:len(d.toks)], d.lower, ix.rootChild
	vocab, starts, packed := &ix.vocab, d.starts, d.packed
	for i := nextStart(toks, starts, 0); i < len(toks); i = nextStart(toks, starts, i+1) {
		id := ids[i]
		if id == idUnknown {
			t := &toks[i]
			if n := int(t.End - t.Start); packed && t.LowerHash != 0 && n <= 8 && int(t.Start)+8 <= len(lower) {
				id = vocab.findPacked(pack8(lower, int(t.Start), n), n, t.LowerHash) // see lookupTok
				ids[i] = id
			} else {
				id = d.startID(ix, i)
			}
		}
		if uint(id) >= uint(len(root)) || root[id] == 0 {
			continue // no phrase starts here (see Index.starts)
		}
		if best := d.walk(ix, i, root[id]); best > i {
			i = best - 1 // the next phrase starts after this one
		}
	}
}

// nextStart returns the index of the first token from i on that may start
// a phrase, len(toks) when none does: a token that is not a plain word, or
// a plain word whose hash the filter starts passes (see doc.mayStart). It
// calls nothing, so that its loop keeps its values in registers.
func nextStart(toks []text.Token, starts *[filterWords]uint64, i int) int {
	for ; i < len(toks); i++ {
		h := toks[i].LowerHash
		if h == 0 {
			return i
		}
		if b := filterBit(h); starts[b>>6]&(1<<(b&63)) != 0 {
			return i
		}
	}
	return i
}

// startID returns the vocabulary id of token i (see id), or -1 without a
// look-up when it is a word of ASCII letters and digits that surely starts
// no phrase.
func (d *doc) startID(ix *Index, i int) int32 {
	if id := d.ids[i]; id != idUnknown {
		return id
	}
	t := &d.toks[i]
	if t.LowerHash == 0 {
		if h, ok := plainHash(d.lower[t.Start:t.End]); ok && !d.mayStart(h) {
			return -1
		}
	}
	return d.id(ix, i)
}

// nextID returns the vocabulary id of token j (see id), a plain word of up
// to eight bytes looked up packed, without a call.
func (d *doc) nextID(ix *Index, j int) int32 {
	if id := d.ids[j]; id != idUnknown {
		return id
	}
	t := &d.toks[j]
	h := t.LowerHash
	if h == 0 || !d.packed {
		return d.id(ix, j)
	}
	if n := int(t.End - t.Start); n <= 8 && int(t.Start)+8 <= len(d.lower) {
		id := ix.vocab.findPacked(pack8(d.lower, int(t.Start), n), n, h) // see lookupTok
		d.ids[j] = id
		return id
	}
	return d.id(ix, j)
}

// walk follows the trie from node, the root's child along token i, and
// appends the longest phrase from token i on that passes the case rules to
// d.matches. It returns the phrase's end, or -1 when there is none.
func (d *doc) walk(ix *Index, i int, node int32) int {
	best, bestNode, bestP := -1, int32(0), payload{}
	for j := i; ; {
		if ix.payAt[node] != ix.payAt[node+1] { // node has payloads
			if p, ok := d.payload(ix, node, i, j+1); ok {
				best, bestNode, bestP = j+1, node, p
			}
		}
		// The phrase goes on into a known word after only spaces or
		// hyphens; the cheaper tests first.
		if j+1 >= len(d.toks) {
			break
		}
		if h := d.toks[j+1].LowerHash; h != 0 && !d.mayGoOn(node, h) {
			break // a plain word no phrase goes on into from node
		}
		id := d.nextID(ix, j+1)
		if id < 0 || !d.joinable(j) {
			break
		}
		j++
		if node = ix.edges.get(uint64(node)<<32 | uint64(uint32(id))); node == 0 {
			break // see Index.child
		}
	}
	if best >= 0 {
		d.matches = append(d.matches, match{t0: i, t1: best, node: bestNode, p: bestP})
	}
	return best
}
