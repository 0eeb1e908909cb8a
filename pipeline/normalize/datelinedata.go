package normalize

// acronyms are all-caps words that open sentences, not datelines.
var acronyms = toSet(`NATO EU UN US USA U.S. U.K. U.N. E.U. UK UAE IAEA OSCE G7 G20
	BRICS OPEC IMF WHO ICC ICJ UNESCO UNICEF UNHCR OCHA WFP UNSC UNGA OHCHR ICRC
	HRW NGO NGOS CIA FBI NSA KGB FSB SBU GUR HUR AFU ZSU RF CEO PM MP MPS MEP
	MEPS AP AFP DPA TASS RIA CNN BBC ABC CBS NBC NYT WSJ OK TV GDP LNG HIMARS
	ATACMS ISW IDF DPRK PRC ROK CSTO SCO ASEAN AU APEC COVID AI EBRD ECB ECHR
	PACE ICBM DNR LNR DPR LPR ZNPP NPP MOD MFA EUR USD UAH RUB OSINT PMC SMO
	НАТО ЄС ЕС ООН США ЗСУ ВСУ СБУ ФСБ ГУР МАГАТЕ ОБСЄ ОБСЕ РФ МЗС МИД ЗМІ СМИ
	ЗАЕС ЗАЭС АЕС АЭС ДНР ЛНР ЦРУ ВВП ОДКБ МВФ ЮНЕСКО МКС МКК ВООЗ ВОЗ КНР
	КНДР ППО ПВО БПЛА ОП ВР ГД ДСНС МЧС НБУ ЦБ ЄСПЛ ЕСПЧ`)

// capsStopWords are all-caps function words and story labels that cannot be
// (part of) a dateline place.
var capsStopWords = toSet(`THE A AN IN ON AT BY FOR AND OR OF TO AS IS IT WE HE
	SHE THEY THIS THAT WHAT WHY HOW WHEN WHO NO NOT YES ALL BUT IF SO MY OUR
	YOUR HIS HER BREAKING UPDATE UPDATED URGENT EXCLUSIVE ANALYSIS FLASH ALERT
	CORRECTED CORRECTION REFILE WRAPUP INSIGHT FACTBOX EXPLAINER OPINION LIVE
	VIDEO PHOTO PHOTOS FILE EDITORS EDITOR'S EDITOR’S NOTE WATCH BULLETIN
	NEWSALERT ADVISORY FEATURE INTERVIEW COMMENT EDITORIAL REVIEW SPECIAL
	REPORT DER DIE DAS EIL EILMELDUNG LE LA LES EL LOS LAS
	НА ТА ЩО ЧТО ЭТО ЦЕ ВІД ОТ ДО ПО ЗА ПРО ВСЕ НЕ БЛИСКАВКА МОЛНИЯ ЕКСКЛЮЗИВ
	ЭКСКЛЮЗИВ ОНОВЛЕНО ОБНОВЛЕНО ТЕРМІНОВО СРОЧНО`)

// monthWords are lower-case month names (and abbreviations) that appear in
// datelines: English, Ukrainian, Russian, German, French, Spanish, Polish.
var monthWords = toSet(`jan feb mar apr may jun jul aug sep sept oct nov dec
	січня лютого березня квітня травня червня липня серпня вересня жовтня
	листопада грудня січ лют бер квіт трав черв лип серп вер жовт лист груд
	января февраля марта апреля мая июня июля августа сентября октября ноября
	декабря янв фев мар апр июн июл авг сен сент окт ноя дек
	janvier février mars avril mai juin juillet août septembre octobre novembre
	décembre enero febrero marzo abril mayo junio julio agosto septiembre
	octubre noviembre diciembre stycznia lutego marca kwietnia maja czerwca
	lipca sierpnia września października listopada grudnia`)

// knownAgencies name the agencies whose credit makes a title-case place
// ("Kyiv (AFP) -") a dateline. Lower case.
var knownAgencies = toSet(`reuters ap afp dpa ukrinform unian tass interfax
	interfax-ukraine ria efe ansa pap xinhua bloomberg anadolu kyodo yonhap
	sputnik belta anp apa agerpres bta ctk mti tanjug hina kyivpost ukrinform
	укрінформ уніан тасс інтерфакс интерфакс ріа риа`)
