package text

import (
	"cmp"
	"slices"
)

// TokenAt returns the index of the token that starts at code point offset r,
// or -1. toks must be sorted, as Tokenize returns them.
func TokenAt(toks []Token, r int) int {
	return find(toks, r, func(t Token) int32 { return t.RStart })
}

// TokenEnding returns the index of the token that ends at code point offset
// r, or -1. toks must be sorted, as Tokenize returns them.
func TokenEnding(toks []Token, r int) int {
	return find(toks, r, func(t Token) int32 { return t.REnd })
}

// find binary-searches toks, ordered by off, for the token whose off is r.
func find(toks []Token, r int, off func(Token) int32) int {
	i, ok := slices.BinarySearchFunc(toks, r, func(t Token, r int) int {
		return cmp.Compare(int(off(t)), r)
	})
	if !ok {
		return -1
	}
	return i
}
