package synth

var aidKind = kind{name: "aid", weight: 10, subjects: []Subject{subjWar, subjPol},
	ledes: ledes(
		"{DONORCAP} pledges new military aid for Ukraine worth {MONEY} | {DONORCAP} to send {WEAPON} to Ukraine in new aid package",
		"{DONORCAP} announced a new package of military aid for Ukraine worth {MONEY} on {WEEKDAY}, including {WEAPON}, ammunition and spare parts, as Kyiv warned that shortages were costing it ground in the east.",
		"Allies promise more {WEAPON} for Ukraine at Ramstein-format meeting | Ukraine asks allies for {WEAPON} as new aid is announced",
		"Defence ministers from about 50 countries met on {WEEKDAY} as the Ukraine Defense Contact Group, known as the Ramstein group, with Kyiv pressing for faster deliveries of {WEAPON}. {DONORCAP} announced new aid worth {MONEY}.",
	),
	body: parseAll([]string{
		"{DONORADJ} Defence Minister {DONORMIN} said the package had been put together from existing stocks and new orders placed with industry, and that the first deliveries would arrive within weeks.",
		"Ukrainian Defence Minister {UADM} said the country's most urgent needs were air defence, artillery ammunition and drones. According to {UADM}, Russian forces still fire several times more shells than Ukraine along parts of the front.",
		"The group was set up in April 2022 at the U.S. air base in Ramstein, Germany, and has met regularly since then to coordinate weapons deliveries to Ukraine.",
		"Allies have also agreed to help Ukraine expand its own arms industry, financing the production of drones, shells and armoured vehicles in Ukrainian factories.",
		`The Kremlin says Western arms deliveries only prolong the war. Spokesman Dmitry Peskov said on {WEEKDAY} the new supplies would "not change the situation on the battlefield".`,
		"Officials did not give a full list of the equipment, citing security reasons, but said it also included spare barrels for artillery, mine-clearing vehicles and medical supplies.",
		"European arms makers have increased production of 155 mm shells since 2022, but officials say output still lags behind the needs of Ukraine's army and of allies refilling their own stocks.",
	}),
	quotes: parseAll([]string{
		"“What we send today will be at the front within weeks, not months,” {DONORMIN} told reporters. “That is the only timetable that matters.”",
		"“We are grateful for every shell and every launcher, but the war does not wait for our paperwork,” {UADM} said at a news conference.",
		"{ZEL} wrote on Telegram: “Thank you to our {DONORADJ} partners! This decision will save lives in our cities and on the front.”",
		"“Air defence is the priority, because every system protects a whole city,” NATO Secretary General {NATOSG} said ahead of the meeting.",
		`"We have to think about next year, not only about next week," {DONORMIN} said, according to a statement from the defence ministry.`,
	}),
	captions: parseAll([]string{
		"Ukrainian servicemen load shells into a howitzer at a position in the {REGION}, Ukraine, {DATECAP}. {CREDIT}",
		"Defence ministers attend a meeting of the Ukraine Defense Contact Group, {DATECAP}. {CREDIT}",
		"Ukrainian soldiers train on a Western-supplied air defence launcher at an undisclosed location in Ukraine, {DATECAP}. Photo: Ukrainian Armed Forces/Handout via REUTERS",
	}),
}

var sanctionsKind = kind{name: "sanctions", weight: 7, subjects: []Subject{subjPol, subjEcon},
	ledes: ledes(
		"EU agrees {PKG} package of sanctions against Russia | EU targets Russia's shadow fleet in {PKG} sanctions package",
		"European Union governments agreed on {WEEKDAY} on a {PKG} package of sanctions against Russia, targeting banks, energy companies and tankers of the so-called shadow fleet that carries Russian oil.",
		"Moscow vows response as EU adopts {PKG} sanctions package | EU blacklists dozens of firms and ships in new Russia sanctions",
		"The European Union adopted its {PKG} package of sanctions against Russia on {WEEKDAY}, adding dozens of companies, officials and ships to its blacklist, diplomats said.",
	),
	body: parseAll([]string{
		"The package also targets companies in third countries, including China, that the EU says help Russia obtain electronics and machine tools for its arms industry.",
		"Hungary, whose Prime Minister Viktor Orbán has criticized sanctions as ineffective, did not block the package after securing exemptions, diplomats said.",
		"EU foreign policy chief {EUFP} said the measures would cut Moscow's revenues further. Russia's economy has adapted to many of the restrictions, but its budget depends heavily on oil and gas exports.",
		"The EU has frozen about 210 billion euros of Russian central bank assets, most of them held at the Brussels-based clearing house Euroclear.",
		`Moscow said the sanctions were illegal. Foreign Ministry spokeswoman Maria Zakharova said Russia would respond "in its own interests" and that previous rounds had failed.`,
		"The measures must be approved unanimously by the 27 member states, and negotiations on each new package have grown longer as the list of targets has expanded.",
		"Officials said enforcement was now the main challenge, because many banned goods reach Russia through countries in Central Asia and the Caucasus.",
		"The G7 and the EU capped the price of Russian seaborne oil in December 2022, but much of that oil is now carried by tankers outside Western insurance and shipping services.",
	}),
	quotes: parseAll([]string{
		"“Every tanker we stop is money that does not go into Russian missiles,” {EUFP} told reporters in Brussels.",
		"“We welcome the decision and expect the next package to be even stronger,” Ukrainian Foreign Minister {UAFM} wrote on X.",
		"“Sanctions work slowly, but they work. Russia is paying more for everything it needs for this war,” a senior EU diplomat said, speaking on condition of anonymity.",
		"According to {EUFP}, work on the next package would start immediately. “We are not going to stop here,” {EUFP} said.",
	}),
	captions: parseAll([]string{
		"EU foreign policy chief {EUFP} speaks to the media ahead of a meeting of EU foreign ministers in Brussels, Belgium, {DATECAP}. {CREDIT}",
		"An oil tanker sails in the Baltic Sea, {DATECAP}. {CREDIT}",
		"European Union flags fly outside the European Commission headquarters in Brussels, Belgium, in a file photo. {CREDIT}",
	}),
}

var nuclearKind = kind{name: "nuclear", weight: 6, subjects: []Subject{subjWar, subjEnv},
	ledes: ledes(
		"Zaporizhzhia nuclear plant loses external power again, IAEA says | IAEA warns of risks at Zaporizhzhia plant after power line cut",
		"The Russian-occupied Zaporizhzhia nuclear power plant lost its last external power line on {WEEKDAY} and had to rely on diesel generators to cool its reactors, the International Atomic Energy Agency said.",
		"Drone attack near Zaporizhzhia nuclear plant raises alarm | Drones hit building at Zaporizhzhia nuclear plant, IAEA says",
		"Drones struck near the Zaporizhzhia nuclear power plant in southern Ukraine on {WEEKDAY}, damaging a building used by staff, the International Atomic Energy Agency said.",
	),
	body: parseAll([]string{
		`IAEA Director General Rafael Grossi said there was no immediate threat to nuclear safety but that the situation was "extremely fragile". He did not say who was responsible.`,
		"The six reactors at Europe's largest nuclear plant have been in shutdown for months, reducing but not eliminating the risk of an accident.",
		"The plant lies on the Dnipro River near the town of Enerhodar, which has been occupied by Russian troops since March 2022.",
		"Ukraine's state nuclear company Energoatom accused Russian forces of using the site as a military base. Russia's Rosatom, which runs the plant, blamed Ukrainian forces for the attack.",
		"A team of IAEA experts has been stationed at the plant since September 2022. They said they had heard explosions and machine-gun fire near the site in recent days.",
		"@2023-06-06..|The plant has drawn cooling water from wells and a pond since the destruction of the Kakhovka dam downstream in June 2023 drained the reservoir.",
	}),
	quotes: parseAll([]string{
		"“Each time the plant loses power, we are rolling the dice. Sooner or later we may lose,” Grossi told reporters in Vienna.",
		"“The occupiers are playing with the safety of the whole continent,” {ZEL} said in his nightly address.",
		`Energoatom said in a statement that Russian personnel at the plant were "not qualified to run a nuclear facility safely" and called for the site to be returned to Ukrainian control.`,
		"According to Grossi, the diesel generators have enough fuel for about ten days. “This cannot become normal,” he said.",
	}),
	captions: parseAll([]string{
		"A view shows the Zaporizhzhia nuclear power plant near Enerhodar, Ukraine, in a file photo. {CREDIT}",
		"IAEA Director General Rafael Grossi speaks to reporters in Vienna, Austria, {DATECAP}. {CREDIT}",
		"A Russian serviceman stands guard near the Zaporizhzhia nuclear power plant in Enerhodar, in a picture taken during a visit organised by the Russian military. {CREDIT}",
	}),
}

var seaKind = kind{name: "sea", weight: 9, subjects: []Subject{subjWar, subjEcon},
	ledes: ledes(
		"Russian drones hit port facilities near {CITY} | Grain ships keep sailing from {CITY} despite Russian attacks",
		"Russian drones attacked port infrastructure in the {CITY} area overnight, damaging grain storage facilities and a civilian cargo ship, Ukrainian officials said on {WEEKDAY}.",
		"Ukraine says sea drones hit Russian vessel in Black Sea | Ukrainian sea drones strike Russian patrol ship near Crimea",
		"Ukraine's navy said on {WEEKDAY} its sea drones had hit a Russian patrol ship in the Black Sea near Crimea, the latest in a series of attacks that have pushed Russia's fleet away from the western Black Sea.",
	),
	body: parseAll([]string{
		"@2023-08-01..|Ukraine has shipped millions of tonnes of grain through a corridor along the western coast of the Black Sea since Russia quit a U.N.-brokered export deal in July 2023.",
		"@2022-07-22..2023-07-17|Ships have been leaving Ukrainian ports under a deal brokered by the United Nations and Turkey in Istanbul, with inspections carried out in Turkish waters.",
		"Russia's Black Sea Fleet has moved many of its ships from Sevastopol to Novorossiysk after repeated Ukrainian strikes on Crimea.",
		"Insurers said war-risk premiums for ships calling at Ukrainian ports had fallen, though they remained far above pre-war levels.",
		"The Sea of Azov has been closed to Ukrainian shipping since Russian troops captured Mariupol and Berdiansk in 2022.",
		"The ports in the {REGION} handle most of Ukraine's exports of wheat, maize and sunflower oil, as well as iron ore and steel from plants further inland.",
		"Regional officials said the attack had damaged warehouses, a grain elevator and a rail siding, and that two port workers had been taken to hospital.",
	}),
	quotes: parseAll([]string{
		"“The sea is still dangerous, but the captains are coming back, and every ship that leaves is a small victory,” a port official in {CITY} said.",
		"“We will keep hitting the ships that fire missiles at our cities,” navy spokesman Dmytro Pletenchuk told national television.",
		"“Russia wants the world to believe that our ports are closed. They are open, and they will stay open,” {GOV}, the governor of the {REGION}, wrote on Telegram.",
		"According to {GOV}, air defences shot down most of the drones over the sea. “The ones that got through hit warehouses, not ships,” he said.",
	}),
	captions: parseAll([]string{
		"A cargo ship waits to be loaded with grain at the port of {CITY}, Ukraine, {DATECAP}. {CREDIT}",
		"Smoke rises over a port after a Russian drone attack in {CITY}, Ukraine, {DATECAP}. Photo: Ukrainian Armed Forces/Handout via REUTERS",
		"A bulk carrier sails in the Black Sea off the coast of the {REGION}, Ukraine, {DATECAP}. {CREDIT}",
	}),
}

var prisonersKind = kind{name: "prisoners", weight: 8, subjects: []Subject{subjWar, subjHum},
	ledes: ledes(
		"Russia and Ukraine exchange {N_POW} prisoners each | Russia and Ukraine swap prisoners in deal mediated by UAE",
		"Russia and Ukraine exchanged {N_POW} prisoners each on {WEEKDAY} in a swap mediated by the United Arab Emirates, officials from both countries said.",
		"{N_POW} prisoners return home in latest Russia-Ukraine swap | {ZEL} says {N_POW} Ukrainians freed in prisoner exchange",
		"{N_POW} Ukrainian soldiers and civilians returned home on {WEEKDAY} in the latest prisoner exchange with Russia, President {ZELFULL} said.",
	),
	body: parseAll([]string{
		"Ukraine's human rights commissioner, Dmytro Lubinets, said many of those released showed signs of abuse and malnutrition. Moscow denies mistreating prisoners.",
		"The exchange took place on the border with Belarus, according to Russia's Defence Ministry, which said the Russian servicemen would be flown to Moscow for medical treatment.",
		"Relatives of missing soldiers gathered near the exchange point holding photographs, hoping for news of sons and husbands.",
		"Among those released were soldiers who had defended Mariupol in 2022, as well as several civilians detained in occupied territories, Ukrainian officials said.",
		"Ukraine's Coordination Headquarters for the Treatment of Prisoners of War said the freed men would undergo medical checks and rehabilitation before returning to their families.",
		"Exchanges have continued throughout the war despite the absence of peace talks, usually with mediation by the United Arab Emirates, Turkey or Qatar.",
	}),
	quotes: parseAll([]string{
		"“Every person we bring home is a family made whole again,” {ZEL} wrote on Telegram.",
		"“They told us nothing for two years. I did not know if he was alive,” said {RESIDENT}, whose son returned in the exchange.",
		"Russia's human rights commissioner, Tatyana Moskalkova, said the swap showed that humanitarian issues could still be resolved. “This work must continue,” she said.",
		"“I dreamed of this bus every night,” said a released soldier with the call sign {SOLDIER}, wrapped in a Ukrainian flag. “Now I just want to call my mother.”",
	}),
	captions: parseAll([]string{
		"Released Ukrainian prisoners of war react after the exchange, at an undisclosed location in Ukraine, {DATECAP}. Photo: Ukrainian Presidential Press Service/Handout via REUTERS",
		"Relatives hold photographs of missing soldiers as they wait for a bus carrying released prisoners in the Chernihiv region, Ukraine, {DATECAP}. {CREDIT}",
	}),
}

// Shared paragraphs any kind may use: background, reactions, captions and the closing credit line.
var (
	background = parseAll([]string{
		"Russia launched its full-scale invasion of Ukraine in February 2022 and now controls about a fifth of the country's territory, including Crimea, which it annexed in 2014.",
		"Tens of thousands of civilians have been killed since the start of the full-scale invasion, according to the United Nations, and millions of Ukrainians have fled abroad or been displaced inside the country.",
		"@2022-09-30..|Moscow claims to have annexed four Ukrainian regions — Donetsk, Luhansk, Zaporizhzhia and Kherson — although its forces do not fully control any of them.",
		"The Kremlin says it is fighting to protect Russia's security and Russian speakers in Ukraine. Kyiv and its allies call the war an unprovoked war of conquest.",
		"Kyiv has repeatedly asked its Western partners for more {WEAPON}, saying deliveries often arrive late and in smaller numbers than promised.",
		"@2024-08-06..2025-03-31|Ukrainian troops crossed into Russia's Kursk region in August 2024, the first foreign incursion into Russian territory since World War Two.",
		"@2025-01-20..|U.S. President {USPRES} has said he wants a quick end to the war, and U.S. envoys have held separate talks with Kyiv and Moscow.",
		"@..2025-01-19|The United States has been Ukraine's largest supplier of weapons, and President {USPRES} has promised to support Kyiv for as long as it needs.",
	})
	reactions = parseAll([]string{
		"In Moscow, Kremlin spokesman Dmitry Peskov said Russia would achieve the goals of what it calls its special military operation.",
		`China called for restraint on all sides. Foreign Ministry spokesperson {CNSPOX} said Beijing would continue to "promote peace talks" in its own way.`,
		"Britain's Prime Minister {UKPM} said London would keep up its support for Ukraine and urged allies to tighten sanctions on Russia's energy exports.",
		"The NATO Secretary General told reporters that the alliance would keep supporting Ukraine and that the decisions would be taken together with Kyiv.",
		`Russia's Foreign Ministry accused "the {KIEV} regime" of using Western weapons against civilians and said Moscow would respond.`,
		"German Chancellor {DECHANC} said Berlin would remain Ukraine's biggest supporter in Europe and called on other countries to do more.",
		"Russian Defence Minister {RUDM} told a meeting of military commanders that the army was receiving more drones and ammunition than a year ago.",
	})
	captionsShared = parseAll([]string{
		"Ukrainian President {ZELFULL} speaks during a news conference in Kyiv, Ukraine, {DATECAP}. Photo: Ukrainian Presidential Press Service/Handout via REUTERS",
		"People shelter in a metro station during an air raid alert in Kyiv, Ukraine, {DATECAP}. {CREDIT}",
	})
	credits = parseAll([]string{"(Reporting by {REPORTER}; editing by {EDITOR})", "(Reporting by {REPORTER} and {REPORTER2}; editing by {EDITOR})"})
)
