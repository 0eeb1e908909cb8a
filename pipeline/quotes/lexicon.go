package quotes

import "github.com/warwire/warwire/pipeline/entities/words"

// speechVerbs attribute a quotation to the speaker next to them, in the
// languages warwire tells apart.
var speechVerbs = words.NewSet(
	// English
	"said", "says", "say", "told", "tells", "added", "adds", "wrote", "writes", "posted", "stated",
	"states", "explained", "noted", "warned", "warns", "insisted", "argued", "declared", "announced",
	"asked", "replied", "continued", "recalled", "stressed", "emphasised", "emphasized", "urged",
	"acknowledged", "admitted", "complained", "claimed", "tweeted", "remarked", "commented",
	"called", "described", "saying", "telling", "writing", "vowed", "pledged", "promised",
	"predicted", "conceded", "quipped", "shouted", "cried", "pleaded", "responded", "answered",
	"messaged", "texted", "recounted", "mused", "repeated", "reiterated", "boasted", "dubbed",
	"labelled", "labeled", "branded", "accused", "condemned", "denounced", "criticised",
	"criticized", "praised", "thanked", "welcomed", "demanded", "dismissed", "rejected", "hailed",
	// German
	"sagte", "sagt", "sagten", "erklärte", "erklärt", "betonte", "betont", "schrieb", "warnte",
	"fügte", "meinte", "sprach", "kritisierte", "forderte", "mahnte", "versicherte", "räumte",
	"teilte", "so",
	// Russian
	"сказал", "сказала", "сказали", "заявил", "заявила", "заявили", "написал", "написала",
	"отметил", "отметила", "подчеркнул", "подчеркнула", "добавил", "добавила", "сообщил",
	"сообщила", "говорит", "говорят", "считает", "пояснил", "пояснила", "назвал", "назвала",
	"предупредил", "предупредила", "призвал", "призвала", "цитирует",
	// Ukrainian
	"сказав", "заявив", "написав", "зазначив", "зазначила", "додав", "додала", "наголосив",
	"наголосила", "повідомив", "повідомила", "каже", "кажуть", "назвав", "пояснив", "пояснила",
	"сказали", "заявили",
	// French, Spanish, Polish
	"déclaré", "dit", "affirmé", "ajouté", "écrit", "souligné", "estimé", "averti", "a",
	"dijo", "afirmó", "declaró", "añadió", "escribió", "señaló", "aseguró",
	"powiedział", "powiedziała", "stwierdził", "stwierdziła", "dodał", "dodała", "napisał",
	"napisała", "podkreślił", "podkreśliła",
)

// weakVerbs count as speech verbs only right after a quotation (", so
// Selenskyj"; "— a déclaré").
var weakVerbs = words.NewSet("so", "a")

// accordingTo introduces a source: "according to X", "по словам X".
var accordingTo = map[string]string{
	"according": "to", "по": "словам", "за": "словами", "selon": "", "según": "", "laut": "",
	"według": "", "zufolge": "",
}

// accordingWords are the keys of accordingTo.
var accordingWords = words.KeySet(accordingTo)
