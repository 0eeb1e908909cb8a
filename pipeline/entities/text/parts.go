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
	// ValidUTF8 reports whether the text is valid UTF-8.
	ValidUTF8 bool
}

// Split sets p to the parts of s, reusing the memory of p's slices; the
// values they held before are overwritten.
func (p *Parts) Split(s string) {
	p.Lower = append(p.Lower[:0], s...)
	p.Toks, p.ValidUTF8 = tokenize(p.Toks[:0], s, p.Lower, scanPlain)
	toks, low := p.Toks, p.Lower
	if cap(p.SentOf) < len(toks) {
		p.SentOf = make([]int32, len(toks))
	}
	sentOf := p.SentOf[:len(toks)]
	sents := p.Sents[:0]
	start := 0
	for i := 0; i < len(toks); i++ {
		i = markRun(toks, low, sentOf, i, int32(len(sents)))
		if BreakAfter(s, toks, i) { // see Sentences
			sents = append(sents, makeSentence(s, toks, start, i+1))
			start = i + 1
		}
	}
	p.Sents, p.SentOf = sents, sentOf
}

// markRun lower-cases the capitals starting toks[i:] in low (see
// lowerFirst) and sets their sentOf to sent, up to the first token flagged
// MayBreak or the last one, whose index it returns; i < len(toks). It
// calls nothing, so that its loop keeps its values in registers.
func markRun(toks []Token, low []byte, sentOf []int32, i int, sent int32) int {
	for ; i < len(toks)-1; i++ {
		f := toks[i].Flags
		if f&Upper != 0 {
			lowerFirst(low, toks[i].Start)
		}
		sentOf[i] = sent
		if f&MayBreak != 0 {
			return i
		}
	}
	if toks[i].Flags&Upper != 0 {
		lowerFirst(low, toks[i].Start)
	}
	sentOf[i] = sent
	return i
}
