package normalize

import "testing"

// langSamples are paragraphs written for these tests, several per language,
// on the subjects warwire sees.
var langSamples = map[string][]string{
	"en": {
		"Ukraine's air force said it had intercepted most of the drones launched overnight, but debris fell on a residential district and damaged several cars.",
		"The foreign ministers agreed to keep up pressure on Moscow and said they would discuss a new package of sanctions at their next meeting in April.",
		"Officials in the region told residents to stay in shelters until the alert was lifted, as power cuts were reported in three towns.",
	},
	"uk": {
		"Сили протиповітряної оборони вночі збили більшість ударних дронів, які противник запустив по центральних і південних областях України.",
		"Голова обласної військової адміністрації повідомив, що внаслідок атаки пошкоджено кілька житлових будинків та склад, постраждалих немає.",
		"Міністр закордонних справ заявив, що партнери погодилися прискорити постачання систем ППО ще до початку зими.",
	},
	"ru": {
		"Министерство обороны заявило, что силы противовоздушной обороны ночью уничтожили более тридцати беспилотников над несколькими областями.",
		"По словам губернатора, в результате атаки были повреждены линии электропередачи, и часть жителей осталась без света на несколько часов.",
		"Представитель Кремля сказал журналистам, что Москва по-прежнему готова к переговорам, но условия остаются прежними.",
	},
	"de": {
		"Die ukrainische Luftwaffe hat nach eigenen Angaben in der Nacht die meisten russischen Drohnen abgeschossen, dennoch wurden mehrere Gebäude beschädigt.",
		"Der Bundeskanzler sagte am Montag, Deutschland werde die Ukraine so lange unterstützen, wie es nötig sei, und kündigte weitere Hilfe an.",
		"Nach Angaben der Behörden mussten die Bewohner des Dorfes ihre Häuser verlassen, weil der Beschuss über die ganze Woche anhielt.",
	},
	"fr": {
		"L'armée de l'air ukrainienne a affirmé avoir abattu la plupart des drones lancés pendant la nuit, mais des débris sont tombés sur un quartier résidentiel.",
		"Le ministre des Affaires étrangères a déclaré que les partenaires européens étaient prêts à livrer de nouveaux systèmes de défense aérienne avant l'hiver.",
		"Selon les autorités locales, plusieurs familles ont été évacuées du village après des tirs d'artillerie qui ont duré toute la journée.",
	},
	"es": {
		"La fuerza aérea ucraniana aseguró que derribó la mayoría de los drones lanzados durante la noche, aunque los restos cayeron sobre un barrio residencial.",
		"El ministro de Asuntos Exteriores dijo que los socios europeos están dispuestos a enviar más sistemas de defensa antiaérea antes del invierno.",
		"Según las autoridades regionales, decenas de familias tuvieron que abandonar sus casas por los bombardeos, que se prolongaron toda la semana.",
	},
	"pl": {
		"Ukraińskie siły powietrzne poinformowały, że w nocy zestrzeliły większość dronów, jednak szczątki spadły na osiedle mieszkaniowe i uszkodziły kilka samochodów.",
		"Minister spraw zagranicznych powiedział, że partnerzy są gotowi przyspieszyć dostawy systemów obrony powietrznej jeszcze przed zimą.",
		"Według władz obwodu mieszkańcy kilku wsi musieli opuścić swoje domy z powodu ostrzału, który trwał przez cały tydzień.",
	},
	"it": {
		"L'aeronautica ucraina ha dichiarato di aver abbattuto la maggior parte dei droni lanciati durante la notte, ma i detriti sono caduti su un quartiere residenziale.",
		"Il ministro degli Esteri ha detto che i partner europei sono pronti a inviare nuovi sistemi di difesa aerea prima dell'inverno.",
	},
	"pt": {
		"A força aérea ucraniana afirmou que abateu a maioria dos drones lançados durante a noite, mas os destroços caíram sobre um bairro residencial.",
		"O ministro dos Negócios Estrangeiros disse que os parceiros europeus estão prontos para enviar novos sistemas de defesa aérea antes do inverno.",
	},
	"nl": {
		"De Oekraïense luchtmacht zegt dat zij de meeste drones die 's nachts werden gelanceerd heeft neergeschoten, maar brokstukken vielen op een woonwijk.",
		"De minister van Buitenlandse Zaken zei dat de Europese partners klaar zijn om voor de winter nieuwe luchtverdedigingssystemen te leveren.",
	},
}

// moreLangSamples were written after the word lists were tuned on
// langSamples: a check that the detector generalises. Only the language is
// asserted; a single paragraph may fall short of the override confidence.
var moreLangSamples = map[string][]string{
	"en": {"Grain exports through the Black Sea corridor rose in May, the agriculture ministry said, as shipping insurers cut their premiums for vessels calling at Ukrainian ports.",
		"Parliament passed the bill late on Thursday after a long debate over how many reservists should be called up and for how long they should serve."},
	"uk": {"Експорт зерна через морський коридор у травні зріс, повідомило міністерство аграрної політики, а страхові компанії знизили тарифи для суден.",
		"Верховна Рада ухвалила закон пізно ввечері в четвер після довгої дискусії про те, скільки резервістів слід призвати і на який строк."},
	"ru": {"Экспорт зерна через морской коридор в мае вырос, сообщило министерство сельского хозяйства, а страховые компании снизили тарифы для судов.",
		"Парламент принял закон поздно вечером в четверг после долгих споров о том, сколько резервистов следует призвать и на какой срок."},
	"de": {"Die Getreideexporte über den Korridor im Schwarzen Meer sind im Mai gestiegen, teilte das Agrarministerium mit, während die Versicherer ihre Prämien senkten.",
		"Das Parlament verabschiedete das Gesetz am späten Donnerstagabend nach einer langen Debatte darüber, wie viele Reservisten einberufen werden sollen."},
	"fr": {"Les exportations de céréales par le corridor de la mer Noire ont augmenté en mai, a indiqué le ministère de l'Agriculture, tandis que les assureurs baissaient leurs primes.",
		"Le Parlement a adopté la loi jeudi soir après un long débat sur le nombre de réservistes à mobiliser et sur la durée de leur service."},
	"es": {"Las exportaciones de grano por el corredor del mar Negro aumentaron en mayo, informó el ministerio de Agricultura, mientras las aseguradoras rebajaban sus primas.",
		"El Parlamento aprobó la ley el jueves por la noche tras un largo debate sobre cuántos reservistas deberían ser llamados a filas y por cuánto tiempo."},
	"pl": {"Eksport zboża przez korytarz na Morzu Czarnym wzrósł w maju, poinformowało ministerstwo rolnictwa, a ubezpieczyciele obniżyli składki dla statków.",
		"Parlament przyjął ustawę późnym wieczorem w czwartek po długiej debacie o tym, ilu rezerwistów należy powołać i na jak długo."},
	"it": {"Le esportazioni di grano attraverso il corridoio del Mar Nero sono aumentate a maggio, ha reso noto il ministero dell'Agricoltura, mentre gli assicuratori hanno ridotto i premi.",
		"Il Parlamento ha approvato la legge giovedì sera dopo un lungo dibattito su quanti riservisti richiamare e per quanto tempo."},
	"pt": {"As exportações de cereais pelo corredor do Mar Negro aumentaram em maio, informou o ministério da Agricultura, enquanto as seguradoras reduziram os prémios.",
		"O Parlamento aprovou a lei na quinta-feira à noite depois de um longo debate sobre quantos reservistas deveriam ser convocados e por quanto tempo."},
	"nl": {"De graanexport via de corridor op de Zwarte Zee is in mei gestegen, meldde het ministerie van Landbouw, terwijl verzekeraars hun premies verlaagden.",
		"Het parlement nam de wet donderdagavond laat aan na een lang debat over hoeveel reservisten moeten worden opgeroepen en voor hoe lang."},
}

func TestDetectLanguageUnseenParagraphs(t *testing.T) {
	for want, paras := range moreLangSamples {
		for i, p := range paras {
			if d := DetectLanguage(p); d.Lang != want || d.Confidence <= 0 {
				t.Errorf("%s unseen sample %d: detected %+v, want %q", want, i, d, want)
			}
		}
	}
}

func TestDetectLanguageParagraphs(t *testing.T) {
	for want, paras := range langSamples {
		for i, p := range paras {
			d := DetectLanguage(p)
			if d.Lang != want {
				t.Errorf("%s sample %d: detected %q (%.2f), want %q", want, i, d.Lang, d.Confidence, want)
				continue
			}
			if d.Confidence < overrideConfidence {
				t.Errorf("%s sample %d: confidence %.2f below %.2f", want, i, d.Confidence, overrideConfidence)
			}
		}
	}
}

func TestDetectLanguageShortTexts(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Russia says it shot down drones over the Black Sea", "en"},
		{"Удари по Києву: що відомо", "uk"},
		{"Удары по Киеву: что известно", "ru"},
		{"Зеленський провів зустріч з прем'єром", "uk"},
		{"Путин провел совещание по вопросам безопасности страны", "ru"},
		{"Die Ukraine meldet neue Angriffe auf Charkiw", "de"},
		{"Frappes russes sur Kharkiv : ce que l'on sait", "fr"},
		{"Rusia lanza drones contra la región de Odesa", "es"},
		{"Rosja zaatakowała Charków w nocy", "pl"},
	}
	for _, tc := range tests {
		if d := DetectLanguage(tc.in); d.Lang != tc.want {
			t.Errorf("DetectLanguage(%q) = %q (%.2f), want %q", tc.in, d.Lang, d.Confidence, tc.want)
		}
	}
}

func TestDetectLanguageNoEvidence(t *testing.T) {
	for _, in := range []string{"", "12345 67", "Kyiv Kharkiv Odesa", "基辅遭到无人机袭击", "!!! ???", "de"} {
		if d := DetectLanguage(in); d.Lang != "" || d.Confidence != 0 {
			t.Errorf("DetectLanguage(%q) = %+v, want no language", in, d)
		}
	}
}

func TestDetectLanguageMixedScripts(t *testing.T) {
	en := "The governor said the strike on the city of Kharkiv (Харків) damaged a school and that rescuers were still at work in the evening."
	if d := DetectLanguage(en); d.Lang != "en" {
		t.Errorf("English with a Cyrillic name: %+v", d)
	}
	uk := "Речник ЗСУ повідомив, що Storm Shadow та ATACMS вже використовуються на фронті для ударів по складах."
	if d := DetectLanguage(uk); d.Lang != "uk" {
		t.Errorf("Ukrainian with Latin names: %+v", d)
	}
}

func TestShortTextsAreLessConfident(t *testing.T) {
	short := DetectLanguage("Die Ukraine meldet neue Angriffe auf Charkiw")
	long := DetectLanguage(langSamples["de"][0] + " " + langSamples["de"][1])
	if short.Lang != "de" || long.Lang != "de" || short.Confidence >= long.Confidence {
		t.Errorf("short %+v should be less confident than long %+v", short, long)
	}
}

func TestChooseLanguage(t *testing.T) {
	ukPara := DetectLanguage(langSamples["uk"][0])
	weak := Detection{Lang: "de", Confidence: 0.2}
	tests := []struct {
		name     string
		declared string
		d        Detection
		want     string
	}{
		{"declared empty, detected", "", ukPara, "uk"},
		{"declared empty, nothing detected", "", Detection{}, ""},
		{"declared agrees", "uk", ukPara, "uk"},
		{"confident detection overrides", "ru", ukPara, "uk"},
		{"weak detection does not override", "en", weak, "en"},
		{"region subtag dropped", "en-GB", Detection{Lang: "en", Confidence: 0.9}, "en"},
		{"upper case", "EN", Detection{}, "en"},
		{"three-letter code", "ukr", Detection{}, "uk"},
		{"country code mistake", "ua", Detection{}, "uk"},
		{"undetectable declared language kept", "ca", Detection{Lang: "es", Confidence: 0.9}, "ca"},
		{"junk declared, detected", "??", ukPara, "uk"},
		{"junk declared, nothing detected", "english language", Detection{}, ""},
	}
	for _, tc := range tests {
		if got := chooseLanguage(tc.declared, tc.d); got != tc.want {
			t.Errorf("%s: chooseLanguage(%q, %+v) = %q, want %q", tc.name, tc.declared, tc.d, got, tc.want)
		}
	}
}
