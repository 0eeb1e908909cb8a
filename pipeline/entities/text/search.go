package text

// TokenAt returns the index of the token that starts at code point offset r,
// or -1. toks must be sorted, as Tokenize returns them.
func TokenAt(toks []Token, r int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if int(toks[m].RStart) < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(toks) && int(toks[lo].RStart) == r {
		return lo
	}
	return -1
}

// TokenEnding returns the index of the token that ends at code point offset
// r, or -1.
func TokenEnding(toks []Token, r int) int {
	lo, hi := 0, len(toks)
	for lo < hi {
		m := (lo + hi) / 2
		if int(toks[m].REnd) < r {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(toks) && int(toks[lo].REnd) == r {
		return lo
	}
	return -1
}
