package synth

import "strings"

// kind is one type of story with its own templates. A paragraph template may contain "\n\n"
// when a quotation runs over two paragraphs.
type kind struct {
	name                   string
	weight                 int
	subjects               []Subject
	ledes                  []lede
	body, quotes, captions []tpl
}

// lede is a lead paragraph together with the headlines that fit it.
type lede struct {
	heads []tpl
	lead  tpl
}

// ledes builds ledes from pairs of strings: the headlines separated by " | ", then the lead.
func ledes(pairs ...string) []lede {
	out := make([]lede, 0, len(pairs)/2)
	for i := 0; i+1 < len(pairs); i += 2 {
		out = append(out, lede{heads: parseAll(strings.Split(pairs[i], " | ")), lead: parse(pairs[i+1])})
	}
	return out
}

var (
	subjWar  = Subject{Code: "medtop:16000000", Name: "conflict, war and peace"}
	subjPol  = Subject{Code: "medtop:11000000", Name: "politics"}
	subjEcon = Subject{Code: "medtop:04000000", Name: "economy, business and finance"}
	subjDis  = Subject{Code: "medtop:03000000", Name: "disaster, accident and emergency incident"}
	subjEnv  = Subject{Code: "medtop:06000000", Name: "environment"}
	subjHum  = Subject{Code: "medtop:08000000", Name: "human interest"}
)

// The kinds, in the order of the kinds slice.
const (
	kStrike = iota
	kFront
	kDiplomacy
	kAid
	kSanctions
	kNuclear
	kSea
	kPrisoners
)

var kinds = []kind{strikeKind, frontKind, diplomacyKind, aidKind, sanctionsKind, nuclearKind, seaKind, prisonersKind}

var strikeKind = kind{name: "strike", weight: 22, subjects: []Subject{subjWar, subjDis},
	ledes: ledes(
		"Russian missiles kill {N_DEAD} in {CITY}, officials say | Russia fires {N_MISSILES} missiles and {N_DRONES} drones at Ukraine overnight",
		"Russia launched {N_MISSILES} missiles and {N_DRONES} drones at Ukraine overnight, killing at least {N_DEAD} people in {CITY} and damaging homes, a school and energy facilities, Ukrainian officials said on {WEEKDAY}.",
		"Russian missile hits residential area of {CITY}, killing {N_DEAD} | {CITY} counts its dead after Russian attack on residential area",
		"A Russian missile struck a residential area of {CITY} on {WEEKDAY}, killing at least {N_DEAD} people and injuring {N_INJ}, the head of the regional military administration, {GOV}, said.",
		"Deadly ballistic missile strike on {CITY} prompts new call for air defence | At least {N_DEAD} killed as Russian ballistic missiles hit {CITY}",
		"At least {N_DEAD} people were killed and {N_INJ} injured when Russian forces attacked {CITY} with ballistic missiles on {WEEKDAY} morning, officials said, in one of the deadliest strikes on the city this year.",
		"Russian drones hit {CITY} for third night, cutting power to thousands | {CITY} hit by drones and glide bombs for third night in a row",
		"Russian drones and glide bombs hit {CITY} for a third night in a row, setting fire to apartment blocks and cutting power to thousands of households, local officials said on {WEEKDAY}.",
	),
	body: parseAll([]string{
		"Rescuers pulled survivors from the rubble of a five-storey building throughout the night, the State Emergency Service said, adding that the search would continue until every apartment had been checked.",
		"Ukraine's air force said air defences had shot down most of the {N_DRONES} drones, but several missiles had reached their targets in {CITY} and elsewhere in the {REGION}.",
		`Moscow denies targeting civilians and says its strikes are aimed at military and energy infrastructure. Russia's Defence Ministry said it had hit "military-industrial facilities" with precision weapons.`,
		"The attack damaged a kindergarten, a supermarket and at least {N_ATTACKS} private houses, city officials said. Power and water supplies were partly restored by the evening.",
		"Grid operator Ukrenergo said emergency power cuts had been introduced in the {REGION} after a substation was hit, and asked residents to limit their use of electricity during peak hours.",
		"Local authorities declared a day of mourning and opened a centre where residents whose homes were damaged could apply for help with repairs.",
		"European Union foreign policy chief {EUFP} condemned the attack and said Russia was deliberately targeting civilians in {CITY}.",
		"Doctors at the city's main hospital said they had performed more than a dozen operations overnight. Blood donors queued outside a transfusion centre from early morning.",
	}),
	quotes: parseAll([]string{
		"“The enemy again chose a time when people were asleep,” {GOV} wrote on Telegram. “Everyone who was under the rubble will get help. We are counting every victim.”",
		"{ZEL} wrote on Telegram: “Another night of terror for {CITY}. Our partners see it, and they must answer with air defence, not with statements.”",
		"“People were sleeping in their apartments when it hit,” said {RESIDENT}, a {AGE}-year-old {JOB} who lives in the next building. “The whole house shook, and then the windows came in.”",
		"According to {GOV}, {N_INJ} people, including children, were taken to hospital, and several were in a serious condition.",
		"“We need more air defence, and we need it now,” {ZEL} said in his nightly video address, adding that Kyiv had shared a list of its needs with its partners.",
		"Mayor {MAYOR} told reporters that the city would need weeks to repair the damage. “Our utility workers have not slept for two days, but the heating will be back,” he said.",
		`"Every attack like this shows that Russia is at war with our cities, not only with our army," Ukrainian Foreign Minister {UAFM} said.`,
	}),
	captions: parseAll([]string{
		"Rescuers work at the site of a Russian missile strike in {CITY}, {COUNTRY}, {DATECAP}. {CREDIT}",
		"A view shows a residential building damaged by a drone strike in {CITY}, {COUNTRY}, in this handout picture released {DATECAP}. Photo: State Emergency Service of Ukraine/Handout via REUTERS",
		"Local residents stand next to a burned car after a Russian attack in {CITY}, {COUNTRY}, {DATECAP}. {CREDIT}",
		"Firefighters put out a fire at an apartment block hit by a drone in {CITY}, {COUNTRY}, {DATECAP}. {CREDIT}",
	}),
}

var frontKind = kind{name: "front", weight: 22, subjects: []Subject{subjWar},
	ledes: ledes(
		"Russian forces close in on {CITY} as Ukraine sends reinforcements | Russian troops within {N_KM} km of {CITY}, Ukrainian officials say",
		"Russian forces have advanced to within {N_KM} kilometres of {CITY}, Ukrainian military officials said on {WEEKDAY}, as Moscow pressed one of its most intense offensives in the {REGION}.",
		"Ukraine says it repelled {N_ATTACKS} Russian attacks near {CITY} | Russia claims gains near {CITY}; Kyiv says its lines hold",
		"Ukrainian troops repelled {N_ATTACKS} Russian assaults near {CITY} over the past 24 hours, the General Staff said on {WEEKDAY}, describing the situation in the area as difficult but under control.",
		"Battle for {CITY} intensifies; officials urge civilians to leave | Fighting around {CITY} intensifies as Russia throws in armour",
		"Fighting around {CITY} intensified this week as Russian units attacked Ukrainian positions with armoured vehicles, glide bombs and waves of infantry, soldiers and officials said on {WEEKDAY}.",
	),
	body: parseAll([]string{
		"The Institute for the Study of War, a Washington-based think tank, said in its latest assessment that Russian troops were trying to cut the roads that supply {CITY} from the west.",
		"{CITY} lies on a road that Ukrainian forces use to supply units further east, and its loss would make it harder to defend the rest of the {REGION}, military analysts said.",
		`Russia's Defence Ministry said its forces had taken a village near {CITY} and had "improved their tactical position". The claim could not be independently verified.`,
		"Ukraine's commander-in-chief, {UACINC}, said he had sent reinforcements to the sector. According to the commander, Russian losses in the area had been very high.",
		"Soldiers said drones now dominated the battlefield, making it dangerous to move in daylight. Supplies and the wounded are often brought in and out at night.",
		"Local officials said about {N_CIV} civilians remained in {CITY}, most of them elderly people who refused to leave despite repeated calls to evacuate.",
		"Military analysts say Moscow wants to capture the whole of the {DONBAS}, made up of the Donetsk and Luhansk regions, before agreeing to any talks on ending the war.",
		"Russian forces have been advancing slowly in the east, relying on their advantage in manpower and artillery, while Ukrainian commanders complain of a shortage of infantry.",
	}),
	quotes: parseAll([]string{
		"“They attack in small groups, ten or fifteen men, again and again, and then the drones come,” said a soldier with the call sign {SOLDIER}, speaking by telephone from a position near {CITY}.",
		"“The situation is difficult, but our defenders are holding,” {ZEL} said in his evening address. “Every day they hold is a day Russia pays for with its best units.”",
		"{NGOHEAD}, who coordinates the {NGO}, a volunteer group that evacuates civilians from front-line towns, said demand had grown sharply. “People call us after every explosion. We go as long as the road is open,” {NGOLAST} said.",
		`Russia's Defence Ministry said in a statement that its units were "continuing the liberation of {DONBAS}" and had inflicted heavy losses on Ukrainian forces.`,
		"“We held these positions for months. Every metre here has been paid for.\n\n“If the shells come on time, we will hold them longer,” said the commander of a mortar unit, who gave only his call sign, {SOLDIER}.",
		"According to {GOV}, the governor of the {REGION}, shelling had damaged dozens of homes in {CITY} in the past week. “There is no safe place left in the town,” {GOV} said.",
	}),
	captions: parseAll([]string{
		"Ukrainian servicemen fire a howitzer towards Russian positions near {CITY}, {REGION}, {COUNTRY}, {DATECAP}. {CREDIT}",
		"Local residents wait for an evacuation bus in {CITY}, {REGION}, {COUNTRY}, {DATECAP}. {CREDIT}",
		"A Ukrainian soldier rests in a dugout on the front line near {CITY}, {COUNTRY}, {DATECAP}. {CREDIT}",
		"Smoke rises over {CITY} after shelling, in an image taken from drone video, {DATECAP}. {CREDIT}",
	}),
}

var diplomacyKind = kind{name: "diplomacy", weight: 16, subjects: []Subject{subjWar, subjPol},
	ledes: ledes(
		"{ZEL} seeks security guarantees at talks in {VENUE} | Allies meet {ZEL} in {VENUE} to discuss Ukraine's security",
		"Ukrainian President {ZELFULL} met allied leaders in {VENUE} on {WEEKDAY} to discuss security guarantees for Ukraine and ways to increase pressure on Russia, officials said.",
		"Foreign ministers meet in {VENUE}; {USSEC} urges support for Kyiv | Allies discuss Ukraine aid at {VENUE} meeting",
		"Foreign ministers gathered in {VENUE} on {WEEKDAY} for talks on the war in Ukraine, with U.S. Secretary of State {USSEC} urging partners to keep up military and financial support for Kyiv.",
		"{CAPGOV} urges dialogue on Ukraine as diplomats gather in {VENUE} | {CAPGOV} rejects criticism of its ties with Moscow",
		"{CAPGOV} said on {WEEKDAY} it supported efforts to end the war in Ukraine but rejected Western criticism of its ties with Moscow, as diplomats prepared for talks in {VENUE}.",
	),
	body: parseAll([]string{
		"NATO Secretary General {NATOSG} said the alliance's support for Ukraine would not weaken. The NATO chief told reporters that allies were discussing how to make deliveries more predictable.",
		"Diplomats said the final statement would reaffirm support for Ukraine's sovereignty and territorial integrity within its internationally recognised borders.",
		"European officials said a new package of sanctions was being prepared and that the European Union would discuss how to use the proceeds of frozen Russian assets to help Ukraine.",
		`Moscow rejected the proposals. Russian Foreign Minister Sergey Lavrov said the West was "trying to dictate terms" to Russia and would fail.`,
		"Washington announced it would send additional {WEAPON} to Ukraine, according to officials familiar with the plans.",
		"The talks were the latest in a series of meetings aimed at keeping international attention on Ukraine as Russia presses its offensive in the east.",
		"Officials said the delegations had also discussed the return of Ukrainian children taken to Russia, the exchange of prisoners and the safety of shipping in the Black Sea.",
	}),
	quotes: parseAll([]string{
		"“Ukraine's security is Europe's security. There is no way to separate the two,” EU foreign policy chief {EUFP} told reporters in {VENUE}.",
		"“Our support is not a one-off, and it does not depend on the headlines from the front,” said {NATOSG}.",
		"{ZEL} wrote on X: “Productive talks in {VENUE}. We agreed on next steps on air defence, on sanctions and on the return of our children.”",
		"“Any plan that rewards aggression will only invite more of it,” Ukrainian Foreign Minister {UAFM} told a news conference.",
		`Kremlin spokesman Dmitry Peskov said Moscow saw "nothing new" in the proposals. “Any settlement must take into account the realities on the ground,” Peskov told reporters.`,
		"“Russia has to understand that time is not working in its favour,” British Prime Minister {UKPM} said, according to a readout from Downing Street.",
		`Chinese Foreign Ministry spokesperson {CNSPOX} said Beijing "has always stood on the side of peace" and called on all parties to show restraint.`,
	}),
	captions: parseAll([]string{
		"Ukrainian President {ZELFULL} attends a news conference in {VENUE}, {VENUECOUNTRY}, {DATECAP}. Photo: Ukrainian Presidential Press Service/Handout via REUTERS",
		"NATO Secretary General {NATOSG} speaks to the media in {VENUE}, {VENUECOUNTRY}, {DATECAP}. {CREDIT}",
		"Delegations attend a plenary session of the talks in {VENUE}, {VENUECOUNTRY}, {DATECAP}. {CREDIT}",
	}),
}
