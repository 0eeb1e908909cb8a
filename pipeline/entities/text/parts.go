package text

// Parts are the tokens of a text (see Tokenize), its sentences (see
// Sentences), the sentence of each token, and the text in lower case (see
// LowerSameLength). Split fills them in fewer passes than those functions
// take one after another.
type Parts struct {
	Toks   []Token
	Sents  []Sentence
	SentOf []int32 // index in Sents of the sentence holding each token
	Lower  []byte
}

// Split sets p to the parts of s, reusing the memory of p's slices; the
// values they held before are overwritten.
func (p *Parts) Split(s string) {
	p.Lower = append(p.Lower[:0], s...)
	p.Toks = tokenize(p.Toks[:0], s, p.Lower, scanPlain)
	toks, low := p.Toks, p.Lower
	if cap(p.SentOf) < len(toks) {
		p.SentOf = make([]int32, len(toks))
	}
	sentOf := p.SentOf[:len(toks)]
	sents := p.Sents[:0]
	start := 0
	for i := range toks {
		f := toks[i].Flags
		if f&Upper != 0 {
			lowerFirst(low, toks[i].Start)
		}
		sentOf[i] = int32(len(sents))
		if f&MayBreak == 0 && i+1 < len(toks) {
			continue // see Sentences
		}
		if BreakAfter(s, toks, i) {
			sents = append(sents, makeSentence(s, toks, start, i+1))
			start = i + 1
		}
	}
	p.Sents, p.SentOf = sents, sentOf
}
