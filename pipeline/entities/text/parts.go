package text

// Parts are the tokens of a text (see Tokenize), its sentences (see
// Sentences), the sentence of each token, the tokens flagged Upper and the
// text in lower case (see LowerSameLength). Split fills them in fewer
// passes than those functions take one after another.
type Parts struct {
	Toks   []Token
	Sents  []Sentence
	SentOf []int32 // index in Sents of the sentence holding each token
	Uppers []int32 // indexes of the tokens flagged Upper, in order
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
	if cap(p.Uppers) < len(toks) {
		p.Uppers = make([]int32, len(toks))
	}
	uppers := p.Uppers[:len(toks)]
	sents := p.Sents[:0]
	start, nu := 0, 0
	for i := 0; i < len(toks); i++ {
		i, nu = markRun(toks, low, sentOf, uppers, i, nu, int32(len(sents)))
		if BreakAfter(s, toks, i) { // see Sentences
			sents = append(sents, makeSentence(s, toks, start, i+1))
			start = i + 1
		}
	}
	p.Sents, p.SentOf, p.Uppers = sents, sentOf, uppers[:nu]
}

// markRun lower-cases the capitals starting toks[i:] in low (see
// lowerFirst), lists those tokens in uppers from uppers[nu] on, and sets
// their sentOf to sent, up to the first token flagged MayBreak or the last
// one. It returns that token's index and the new length of uppers;
// i < len(toks) <= len(uppers). It calls nothing, so that its loop keeps
// its values in registers.
func markRun(toks []Token, low []byte, sentOf, uppers []int32, i, nu int, sent int32) (int, int) {
	last := len(toks) - 1
	run, runSent := toks[:last], sentOf[:last] // same length: no bounds checks
	for ; i < len(run); i++ {
		runSent[i] = sent
		f := run[i].Flags
		if f&(Upper|MayBreak) == 0 { // the common token: one test
			continue
		}
		if f&Upper != 0 {
			lowerFirst(low, run[i].Start)
			uppers[nu] = int32(i)
			nu++
		}
		if f&MayBreak != 0 {
			return i, nu
		}
	}
	if toks[i].Flags&Upper != 0 {
		lowerFirst(low, toks[i].Start)
		uppers[nu] = int32(i)
		nu++
	}
	sentOf[i] = sent
	return i, nu
}
