package mention

import (
	"slices"

	"github.com/warwire/warwire/pipeline/entities/words"
)

// The word lists below hold lower-case words. They are words.Sets, tested
// with the hash the tokenizer computed for a token of ASCII letters
// (text.Token.LowerHash) instead of a map lookup that hashes the word
// again.

// Is reports whether the lower-case text of token t (see Word) is in s,
// with the hash the tokenizer computed for it: the set's filter turns most
// words away without a call.
func (d *Doc) Is(s *words.Set, t int) bool {
	tok := &d.Toks[t]
	if tok.LowerHash != 0 && !s.MayHaveHash(tok.LowerHash) {
		return false // most words, without a call
	}
	return s.HasHash(d.lower[tok.Start:tok.End], tok.LowerHash)
}

// prepositions before a mention make it an object, not a subject.
var prepositions = words.NewSet("for", "of", "to", "in", "with", "from", "on", "at", "by", "against",
	"about", "into", "over", "under", "between", "among", "toward", "towards", "near", "than",
	"von", "mit", "für", "gegen", "aus", "nach", "zu", "bei", "в", "во", "на", "с", "со", "к",
	"от", "для", "против", "у", "з", "із", "до", "проти", "для", "de", "à", "avec", "contre",
	"pour", "con", "contra", "para", "od", "dla", "przeciw", "w", "z")

// determiners may stand between a preposition and its object.
var determiners = words.NewSet("the", "a", "an", "its", "his", "her", "their", "this", "that", "der",
	"die", "das", "den", "dem", "des", "le", "la", "les", "el", "los")

// Pronouns that stand for the last person, or ("it") for an organisation
// or country.
var (
	personWords = []string{"he", "she", "er", "sie", "он", "она", "він", "вона", "il", "elle",
		"él", "ella", "on", "ona"}
	thingWords = []string{"it", "es", "оно"}

	personPronouns = words.NewSet(personWords...)
	thingPronouns  = words.NewSet(thingWords...)
	// pronouns is personPronouns and thingPronouns in one set.
	pronouns = words.NewSet(slices.Concat(personWords, thingWords)...)
)

// relativeWords open a relative clause whose subject is the antecedent.
var relativeWords = words.NewSet("who", "which", "that", "который", "которая", "которые", "який", "яка",
	"які", "der", "die", "welcher", "welche", "qui")

// auxiliaries may stand between a relative word and its verb.
var auxiliaries = words.NewSet("has", "had", "have", "also", "is", "was", "were", "had", "repeatedly", "will", "would")

// institutionNouns after "the" refer back to an organisation or state just
// named: "the ministry said".
var institutionNouns = words.NewSet("ministry", "government", "office", "agency", "company", "department",
	"army", "military", "alliance", "bloc", "union", "organisation", "organization", "group",
	"kremlin", "embassy", "service", "statement", "council", "commission", "corporation")
