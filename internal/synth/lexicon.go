package synth

import (
	"strings"
	"time"
)

// day is a date counted in days since 1970-01-01 (UTC).
type day int32

// mkday converts "YYYY-MM-DD" into a day; it panics on malformed input (init-time only).
func mkday(s string) day {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic("synth: bad date " + s)
	}
	return day(t.Unix() / 86400)
}

var (
	firstDay = mkday("2022-02-24")
	lastDay  = mkday("2025-06-30")
	noEnd    = lastDay + 1 // an exclusive end that no story date reaches
)

// holder is one term of an office: name holds it from day from on.
type holder struct {
	from day
	name string
}

// office is a chronological list of holders.
type office []holder

// at returns who held the office on d.
func (o office) at(d day) string {
	name := o[0].name
	for _, h := range o {
		if d >= h.from {
			name = h.name
		}
	}
	return name
}

// of builds an office from alternating "YYYY-MM-DD", "Name" pairs; the first date may be "".
func of(pairs ...string) office {
	o := make(office, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		var d day
		if pairs[i] != "" {
			d = mkday(pairs[i])
		}
		o = append(o, holder{d, pairs[i+1]})
	}
	return o
}

var (
	natoSG    = of("", "Jens Stoltenberg", "2024-10-01", "Mark Rutte")
	usPres    = of("", "Joe Biden", "2025-01-20", "Donald Trump")
	usSec     = of("", "Antony Blinken", "2025-01-21", "Marco Rubio")
	usDef     = of("", "Lloyd Austin", "2025-01-25", "Pete Hegseth")
	uaFM      = of("", "Dmytro Kuleba", "2024-09-05", "Andrii Sybiha")
	uaDM      = of("", "Oleksii Reznikov", "2023-09-06", "Rustem Umerov")
	uaCinC    = of("", "Valerii Zaluzhnyi", "2024-02-08", "Oleksandr Syrskyi")
	ruDM      = of("", "Sergei Shoigu", "2024-05-12", "Andrei Belousov")
	euFP      = of("", "Josep Borrell", "2024-12-01", "Kaja Kallas")
	ukPM      = of("", "Boris Johnson", "2022-09-06", "Liz Truss", "2022-10-25", "Rishi Sunak", "2024-07-05", "Keir Starmer")
	deChanc   = of("", "Olaf Scholz", "2025-05-06", "Friedrich Merz")
	cnSpox    = of("", "Wang Wenbin", "2023-01-09", "Mao Ning", "2024-08-01", "Lin Jian")
	deDefence = of("", "Christine Lambrecht", "2023-01-19", "Boris Pistorius")
	ukDefence = of("", "Ben Wallace", "2023-08-31", "Grant Shapps", "2024-07-05", "John Healey")
	nlDefence = of("", "Kajsa Ollongren", "2024-07-02", "Ruben Brekelmans")
)

// governors of Ukrainian (and two Russian border) regions, keyed by "X region".
var governors = map[string]office{
	"Kharkiv region":        of("", "Oleh Syniehubov"),
	"Donetsk region":        of("", "Pavlo Kyrylenko", "2023-03-01", "Vadym Filashkin"),
	"Zaporizhzhia region":   of("", "Oleksandr Starukh", "2023-02-07", "Yuriy Malashko", "2024-06-04", "Ivan Fedorov"),
	"Kherson region":        of("", "Yaroslav Yanushevych", "2023-02-07", "Oleksandr Prokudin"),
	"Odesa region":          of("", "Maksym Marchenko", "2024-03-19", "Oleh Kiper"),
	"Dnipropetrovsk region": of("", "Valentyn Reznichenko", "2023-10-06", "Serhiy Lysak"),
	"Sumy region":           of("", "Dmytro Zhyvytskyi", "2023-11-21", "Volodymyr Artiukh"),
	"Mykolaiv region":       of("", "Vitaliy Kim"),
	"Kyiv region":           of("", "Oleksiy Kuleba", "2023-01-24", "Ruslan Kravchenko"),
	"Luhansk region":        of("", "Serhiy Haidai", "2023-01-24", "Artem Lysohor"),
	"Chernihiv region":      of("", "Viacheslav Chaus"),
	"Lviv region":           of("", "Maksym Kozytskyi"),
	"Poltava region":        of("", "Dmytro Lunin", "2023-11-21", "Filip Pronin"),
	"Kursk region":          of("", "Roman Starovoit", "2024-05-15", "Alexei Smirnov", "2024-12-05", "Alexander Khinshtein"),
}

// mayors of cities that the strike templates may quote.
var mayors = map[string]string{
	"Kyiv": "Vitali Klitschko", "Kharkiv": "Ihor Terekhov", "Odesa": "Gennadiy Trukhanov",
	"Dnipro": "Borys Filatov", "Lviv": "Andriy Sadovyi", "Mykolaiv": "Oleksandr Senkevych",
}

// place is a location a story can be set in; from/to limit front-line places to the time they were fought over.
type place struct {
	name, upper, region, country string
	from, to                     day
}

// pl builds a place; window is "" (always) or "YYYY-MM-DD..YYYY-MM-DD".
func pl(name, region, country, window string) place {
	p := place{name: name, upper: strings.ToUpper(name), region: region, country: country, from: firstDay, to: lastDay}
	if window != "" {
		a, b, _ := strings.Cut(window, "..")
		p.from, p.to = mkday(a), mkday(b)
	}
	return p
}

// frontPlaces are towns fought over, each within the period it was on the front line.
var frontPlaces = []place{
	pl("Irpin", "Kyiv region", "Ukraine", "2022-02-24..2022-03-31"),
	pl("Chernihiv", "Chernihiv region", "Ukraine", "2022-02-24..2022-04-04"),
	pl("Mariupol", "Donetsk region", "Ukraine", "2022-02-24..2022-05-20"),
	pl("Izium", "Kharkiv region", "Ukraine", "2022-03-01..2022-09-11"),
	pl("Sievierodonetsk", "Luhansk region", "Ukraine", "2022-05-01..2022-06-25"),
	pl("Lysychansk", "Luhansk region", "Ukraine", "2022-06-01..2022-07-03"),
	pl("Marinka", "Donetsk region", "Ukraine", "2022-03-01..2023-12-25"),
	pl("Bakhmut", "Donetsk region", "Ukraine", "2022-08-01..2023-05-25"),
	pl("Soledar", "Donetsk region", "Ukraine", "2022-12-10..2023-01-20"),
	pl("Lyman", "Donetsk region", "Ukraine", "2022-09-10..2022-10-05"),
	pl("Vuhledar", "Donetsk region", "Ukraine", "2023-01-20..2024-10-02"),
	pl("Kupiansk", "Kharkiv region", "Ukraine", "2023-07-01..2025-06-30"),
	pl("Robotyne", "Zaporizhzhia region", "Ukraine", "2023-06-04..2023-09-30"),
	pl("Avdiivka", "Donetsk region", "Ukraine", "2023-10-10..2024-02-20"),
	pl("Krynky", "Kherson region", "Ukraine", "2023-10-15..2024-07-15"),
	pl("Chasiv Yar", "Donetsk region", "Ukraine", "2024-03-01..2025-06-30"),
	pl("Vovchansk", "Kharkiv region", "Ukraine", "2024-05-10..2025-06-30"),
	pl("Toretsk", "Donetsk region", "Ukraine", "2024-06-15..2025-02-15"),
	pl("Pokrovsk", "Donetsk region", "Ukraine", "2024-07-15..2025-06-30"),
	pl("Selydove", "Donetsk region", "Ukraine", "2024-09-15..2024-10-31"),
	pl("Kurakhove", "Donetsk region", "Ukraine", "2024-10-01..2025-01-10"),
	pl("Sudzha", "Kursk region", "Russia", "2024-08-06..2025-03-15"),
	pl("Kostiantynivka", "Donetsk region", "Ukraine", "2025-02-01..2025-06-30"),
}

// strikeCities are cities hit by missiles and drones throughout the war.
var strikeCities = []place{
	pl("Kyiv", "Kyiv region", "Ukraine", ""), pl("Kharkiv", "Kharkiv region", "Ukraine", ""),
	pl("Odesa", "Odesa region", "Ukraine", ""), pl("Dnipro", "Dnipropetrovsk region", "Ukraine", ""),
	pl("Zaporizhzhia", "Zaporizhzhia region", "Ukraine", ""), pl("Lviv", "Lviv region", "Ukraine", ""),
	pl("Sumy", "Sumy region", "Ukraine", ""), pl("Mykolaiv", "Mykolaiv region", "Ukraine", ""),
	pl("Kherson", "Kherson region", "Ukraine", "2022-11-11..2025-06-30"), pl("Kryvyi Rih", "Dnipropetrovsk region", "Ukraine", ""),
	pl("Poltava", "Poltava region", "Ukraine", ""), pl("Chernihiv", "Chernihiv region", "Ukraine", ""),
}

// venues are cities where diplomats meet; country is the country named in captions.
var venues = []place{
	pl("Brussels", "", "Belgium", ""), pl("Washington", "", "United States", ""), pl("Geneva", "", "Switzerland", ""),
	pl("London", "", "Britain", ""), pl("Paris", "", "France", ""), pl("Berlin", "", "Germany", ""),
	pl("Warsaw", "", "Poland", ""), pl("Kyiv", "", "Ukraine", ""), pl("Vienna", "", "Austria", ""),
	pl("Ankara", "", "Turkey", ""), pl("Istanbul", "", "Turkey", "2022-03-01..2023-07-17"),
	pl("Istanbul", "", "Turkey", "2025-05-10..2025-06-30"), pl("Lucerne", "", "Switzerland", "2024-06-01..2024-06-20"),
	pl("Vilnius", "", "Lithuania", "2023-07-01..2023-07-15"), pl("Riyadh", "", "Saudi Arabia", "2025-02-10..2025-03-31"),
	pl("Jeddah", "", "Saudi Arabia", "2025-03-05..2025-03-20"), pl("The Hague", "", "Netherlands", "2025-06-15..2025-06-30"),
}

// capitalsAsGov are capitals that templates use as the name of their government ("Beijing said").
var capitalsAsGov = []string{"Beijing", "Ankara", "New Delhi", "Budapest"}

// donors are countries announcing military aid, with their defence ministers; until is exclusive.
type donor struct {
	country, capital, adj string
	minister              office
	until                 day
}

var donors = []donor{
	{"United States", "Washington", "U.S.", usDef, mkday("2025-01-20")},
	{"Germany", "Berlin", "German", deDefence, noEnd}, {"Britain", "London", "British", ukDefence, noEnd},
	{"Netherlands", "The Hague", "Dutch", nlDefence, noEnd},
	{"Sweden", "Stockholm", "Swedish", of("", "Peter Hultqvist", "2022-10-18", "Pål Jonson"), noEnd},
	{"Denmark", "Copenhagen", "Danish", of("", "Morten Bødskov", "2022-12-15", "Jakob Ellemann-Jensen", "2023-02-16", "Troels Lund Poulsen"), noEnd},
}

// euPackages are the dates EU sanctions packages against Russia were adopted; index+1 is the ordinal.
var euPackages = []day{
	mkday("2022-02-25"), mkday("2022-02-28"), mkday("2022-03-02"), mkday("2022-03-15"), mkday("2022-04-08"),
	mkday("2022-06-03"), mkday("2022-07-21"), mkday("2022-10-06"), mkday("2022-12-16"), mkday("2023-02-25"),
	mkday("2023-06-23"), mkday("2023-12-18"), mkday("2024-02-23"), mkday("2024-06-24"), mkday("2024-12-16"),
	mkday("2025-02-24"), mkday("2025-05-20"), mkday("2025-07-18"),
}

// agency is an invented wire service: the name, its dateline credit, and its Zelenskyy spelling.
type agency struct{ name, credit, zel string }

var agencies = []agency{
	{"Warwire Sample Wire", "Warwire Sample Wire", "Zelenskyy"},
	{"Danube Press Agency", "DPA-sample", "Zelensky"},
	{"Baltic News Service Sample", "BNS-sample", "Zelenskiy"},
	{"Carpathian Wire Service", "Carpathian Wire Service", "Zelenskyy"},
	{"North Sea Sample Press", "NSSP", "Zelensky"},
	{"Alpine Desk Sample Agency", "Alpine Desk", "Zelenskyy"},
}

var (
	photoCredits = []string{"REUTERS", "AP", "AFP", "P.A.", "REUTERS", "AP", "REUTERS", "Pool via REUTERS"}
	reporters    = []string{"Olena Hrytsai", "Tom Weller", "Yulia Kravchenko", "Serhiy Danyliuk", "Anna Voloshyna",
		"Katrin Vogel", "Sophie Lambert", "Lena Moser", "Ayşe Demir", "Mykola Hrebin", "Ruta Vaitkute", "Omar Haddad"}
	editors   = []string{"Martin Kaye", "Helen Price", "Jan Novak", "Clara Weiss", "Peter Lund"}
	residents = []string{"Olena", "Mykola", "Iryna", "Serhiy", "Liudmyla", "Oleksandr", "Nataliia", "Volodymyr",
		"Tetiana", "Andriy", "Halyna", "Vasyl"}
	jobs      = []string{"retired teacher", "nurse", "bus driver", "pensioner", "shop assistant", "engineer", "miner", "student"}
	callSigns = []string{"Tur", "Lis", "Boroda", "Sokil", "Dzhmil", "Kit", "Shaman", "Grek", "Vovk", "Bayraktar"}
	weapons   = []string{"Patriot air defence systems", "artillery shells", "IRIS-T air defence systems",
		"long-range missiles", "armoured vehicles", "F-16 fighter jets", "interceptor drones", "anti-tank weapons"}
)

// ngo is an invented volunteer group and the person quoted for it.
type ngo struct{ name, head, last string }

var ngos = []ngo{
	{"Donbas Evacuation Collective", "Andriy Koval", "Koval"},
	{"Pryazovia Relief Network", "Oksana Melnyk", "Melnyk"},
	{"Sloboda Volunteer Kitchen", "Halyna Kovtun", "Kovtun"},
	{"Kupiansk Aid Point", "Lidiia Voronova", "Voronova"},
	{"Eastern Lights Foundation", "Dmytro Hrytsenko", "Hrytsenko"},
}
