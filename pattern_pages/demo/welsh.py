"""The demo's Welsh: the home page, index pages, three patterns, two processes, the pattern types and the
life events, translated by the project. The loader gives these to wagtail-localize as the translations of
the English strings, so the Welsh pages are translations of the English ones (linked, and kept in step by
the translation tools), not separate pages. A string with no Welsh here falls back to the English, as
wagtail-localize does for a translation in progress.
"""

# The English pages and snippets that have a Welsh translation in the demo (by slug).
HOME_AND_INDEXES = ["home", "patterns", "processes"]
PATTERNS = ["apply-for-a-blue-badge", "register-a-death", "book-a-citizenship-ceremony"]
PROCESSES = ["assess-a-blue-badge-application", "register-a-death"]

# English string (as wagtail-localize extracts it) → Welsh.
STRINGS = {
    # ----- home and index pages
    "LocalGov Pattern Library": "Llyfrgell Patrymau Llywodraeth Leol",
    "Service patterns and processes for UK councils, shared by councils. Start a redesign from a pattern that has "
    "been tested with residents, see how other councils deliver the service behind it, and share what your "
    "council has learned.": "Patrymau a phrosesau gwasanaeth ar gyfer cynghorau’r DU, wedi’u rhannu gan "
    "gynghorau. Dechreuwch ailgynllunio o batrwm sydd wedi’i brofi gyda thrigolion, gwelwch sut mae cynghorau "
    "eraill yn darparu’r gwasanaeth y tu ôl iddo, a rhannwch yr hyn mae eich cyngor chi wedi’i ddysgu.",
    "Service patterns": "Patrymau gwasanaeth",
    "How a council service shows itself to the people who use it: the steps, the questions and the GOV.UK Design "
    "System components, with the research behind them.": "Sut mae gwasanaeth cyngor yn ymddangos i’r bobl sy’n ei "
    "ddefnyddio: y camau, y cwestiynau a chydrannau System Ddylunio GOV.UK, gyda’r ymchwil y tu ôl iddynt.",
    "Processes": "Prosesau",
    "How services are delivered behind the scenes: who does what, in which system, under which law and how long it "
    "takes.": "Sut mae gwasanaethau’n cael eu darparu y tu ôl i’r llenni: pwy sy’n gwneud beth, ym mha system, o "
    "dan ba gyfraith a faint o amser mae’n ei gymryd.",
    # ----- Apply for a Blue Badge
    "Apply for a Blue Badge": "Gwneud cais am Fathodyn Glas",
    "Disabled people, or someone on their behalf, apply for a Blue Badge and find out early whether they are likely "
    "to qualify without further assessment.": "Mae pobl anabl, neu rywun ar eu rhan, yn gwneud cais am Fathodyn "
    "Glas ac yn cael gwybod yn gynnar a ydynt yn debygol o fod yn gymwys heb asesiad pellach.",
    "Use this pattern for new applications and renewals where the council decides eligibility.": "Defnyddiwch y "
    "patrwm hwn ar gyfer ceisiadau newydd ac adnewyddu lle mae’r cyngor yn penderfynu ar gymhwysedd.",
    "Who is the badge for?": "Ar gyfer pwy mae’r bathodyn?",
    "Benefits that give automatic eligibility": "Budd-daliadau sy’n rhoi cymhwysedd awtomatig",
    "How your condition affects you": "Sut mae eich cyflwr yn effeithio arnoch chi",
    "Photo and proof of identity": "Llun a phrawf adnabod",
    "Check your answers and pay": "Gwirio eich atebion a thalu",
    "Application sent": "Cais wedi’i anfon",
    # ----- Register a death (pattern and process)
    "Register a death": "Cofrestru marwolaeth",
    "Relatives book an appointment to register a death and find out what to bring, with care taken over words and "
    "pace.": "Mae perthnasau’n trefnu apwyntiad i gofrestru marwolaeth ac yn cael gwybod beth i ddod gyda nhw, gyda "
    "gofal dros y geiriau a’r cyflymder.",
    "Use this pattern for deaths in the council's area that the registration service registers.": "Defnyddiwch y "
    "patrwm hwn ar gyfer marwolaethau yn ardal y cyngor y mae’r gwasanaeth cofrestru yn eu cofrestru.",
    "Before you start": "Cyn i chi ddechrau",
    "Where did the death happen?": "Ble digwyddodd y farwolaeth?",
    "About the person who died": "Am y person a fu farw",
    "Choose an appointment": "Dewis apwyntiad",
    "Your details": "Eich manylion",
    "Appointment booked": "Apwyntiad wedi’i drefnu",
    "How the registration service books an appointment, receives the medical certificate, registers the death and "
    "issues the certificates and forms the family needs.": "Sut mae’r gwasanaeth cofrestru yn trefnu apwyntiad, yn "
    "cael y dystysgrif feddygol, yn cofrestru’r farwolaeth ac yn rhoi’r tystysgrifau a’r ffurflenni sydd eu "
    "hangen ar y teulu.",
    "A relative or other qualified informant asks to register a death.": "Mae perthynas neu hysbysydd cymwys arall "
    "yn gofyn am gofrestru marwolaeth.",
    "The death is registered, the informant has certified copies and the form for the funeral director, and "
    "government services have been told once.": "Mae’r farwolaeth wedi’i chofrestru, mae gan yr hysbysydd gopïau "
    "ardystiedig a’r ffurflen ar gyfer y trefnwr angladdau, ac mae gwasanaethau’r llywodraeth wedi cael gwybod "
    "unwaith.",
    "Book an appointment with a registrar": "Trefnu apwyntiad gyda chofrestrydd",
    "Receive the medical certificate of cause of death": "Cael y dystysgrif feddygol o achos marwolaeth",
    "Wait for the coroner's decision": "Aros am benderfyniad y crwner",
    "Register the death": "Cofrestru’r farwolaeth",
    "Issue certificates and the burial or cremation form": "Rhoi tystysgrifau a’r ffurflen claddu neu amlosgi",
    "Offer to tell government services once": "Cynnig dweud wrth wasanaethau’r llywodraeth unwaith",
    # ----- Assess a Blue Badge application
    "Assess a Blue Badge application": "Asesu cais am Fathodyn Glas",
    "How the council checks identity, residency and eligibility for a Blue Badge, decides, and has the badge "
    "printed and sent.": "Sut mae’r cyngor yn gwirio pwy yw’r ymgeisydd, ble mae’n byw ac a yw’n gymwys i gael "
    "Bathodyn Glas, yn penderfynu, ac yn trefnu i’r bathodyn gael ei argraffu a’i anfon.",
    "A disabled person, or someone on their behalf, applies for a Blue Badge.": "Mae person anabl, neu rywun ar ei "
    "ran, yn gwneud cais am Fathodyn Glas.",
    "The applicant receives a badge, or a decision explaining why not and how to ask for a review.": "Mae’r "
    "ymgeisydd yn cael bathodyn, neu benderfyniad sy’n esbonio pam lai a sut i ofyn am adolygiad.",
    "Apply with proof of identity, address and eligibility": "Gwneud cais gyda phrawf adnabod, cyfeiriad a chymhwysedd",
    "Check for automatic eligibility": "Gwirio am gymhwysedd awtomatig",
    "Assess mobility or the hidden disability": "Asesu symudedd neu’r anabledd cudd",
    "Approve and order the badge": "Cymeradwyo ac archebu’r bathodyn",
    "Refuse, giving reasons and the right to a review": "Gwrthod, gan roi rhesymau a’r hawl i adolygiad",
    "Print and post the badge": "Argraffu a phostio’r bathodyn",
    # ----- Book a citizenship ceremony
    "Book a citizenship ceremony": "Trefnu seremoni dinasyddiaeth",
    "New citizens book their place at a citizenship ceremony after the Home Office has approved their application, "
    "and choose between a group or private ceremony.": "Mae dinasyddion newydd yn trefnu eu lle mewn seremoni "
    "dinasyddiaeth ar ôl i’r Swyddfa Gartref gymeradwyo eu cais, ac yn dewis rhwng seremoni grŵp neu seremoni "
    "breifat.",
    "Use this pattern once the applicant has their invitation letter from the Home Office.": "Defnyddiwch y patrwm "
    "hwn pan fydd gan yr ymgeisydd ei lythyr gwahoddiad gan y Swyddfa Gartref.",
    "Your invitation": "Eich gwahoddiad",
    "Group or private ceremony": "Seremoni grŵp neu breifat",
    "Choose a date": "Dewis dyddiad",
    "Guests": "Gwesteion",
    "Booking confirmed": "Trefniant wedi’i gadarnhau",
    # ----- the patterns' sections, steps and user needs. A user need is read as one sentence, "Fel …, mae angen i
    # mi …, fel bod ….": its "I need" part is mutated after "i mi", its "so that" part is a "bod" clause.
    "Do not use it for stillbirths, which need a separate, specialised service, or for deaths abroad.": "Peidiwch "
    "â’i ddefnyddio ar gyfer marw-enedigaethau, sydd angen gwasanaeth arbenigol ar wahân, nac ar gyfer "
    "marwolaethau dramor.",
    "The informant confirms the death happened in the area and that they can register it, then books a time. The "
    "service explains what happens at the appointment and what to bring, and offers the Tell Us Once service.": "Mae’r "
    "hysbysydd yn cadarnhau bod y farwolaeth wedi digwydd yn yr ardal a’i fod yn gallu ei chofrestru, yna’n trefnu "
    "amser. Mae’r gwasanaeth yn esbonio beth sy’n digwydd yn yr apwyntiad a beth i ddod gyda chi, ac yn cynnig y "
    "gwasanaeth Dweud Wrthym Unwaith.",
    "Use plain, gentle words. Say 'the person who died', not 'the deceased'.": "Defnyddiwch eiriau plaen, tyner. "
    "Dywedwch ‘y person a fu farw’, nid ‘yr ymadawedig’.",
    "Reads who can register a death and what is needed.": "Yn darllen pwy all gofrestru marwolaeth a beth sydd ei "
    "angen.",
    "Confirms the place of death.": "Yn cadarnhau ble digwyddodd y farwolaeth.",
    "Enters their name and date of death.": "Yn rhoi enw’r person a dyddiad y farwolaeth.",
    "Picks a time at a register office.": "Yn dewis amser mewn swyddfa gofrestru.",
    "Gives their name, relationship and contact details.": "Yn rhoi ei enw, ei berthynas a’i fanylion cyswllt.",
    "Sees the appointment, what to bring and what happens next.": "Yn gweld yr apwyntiad, beth i ddod gydag ef a "
    "beth sy’n digwydd nesaf.",
    "relative of someone who has died": "perthynas i rywun sydd wedi marw",
    "to register the death without extra effort": "gofrestru’r farwolaeth heb ymdrech ychwanegol",
    "the funeral can be arranged": "modd trefnu’r angladd",
    "relative": "perthynas",
    "to know what to bring": "wybod beth i ddod gyda mi",
    "I only have to go once": "angen i mi fynd unwaith yn unig",
    "Do not use it for replacing a lost or stolen badge, which needs only identity and a crime reference.": "Peidiwch "
    "â’i ddefnyddio i gael bathodyn newydd yn lle un a gollwyd neu a ddygwyd, sydd ond angen prawf adnabod a "
    "chyfeirnod trosedd.",
    "The applicant says who the badge is for, then answers questions that route them: people who receive certain "
    "benefits qualify without further assessment; others describe how their condition affects them and may be "
    "assessed.": "Mae’r ymgeisydd yn dweud ar gyfer pwy mae’r bathodyn, yna’n ateb cwestiynau sy’n ei gyfeirio: mae "
    "pobl sy’n cael rhai budd-daliadau yn gymwys heb asesiad pellach; mae eraill yn disgrifio sut mae eu cyflwr yn "
    "effeithio arnynt a gallant gael eu hasesu.",
    "Says whether they are applying for themselves or someone else.": "Yn dweud a yw’n gwneud cais drosto’i hun neu "
    "dros rywun arall.",
    "Says which, if any, qualifying benefits the person receives.": "Yn dweud pa fudd-daliadau cymhwyso, os oes rhai, "
    "y mae’r person yn eu cael.",
    "Describes walking difficulty or a hidden disability.": "Yn disgrifio anhawster cerdded neu anabledd cudd.",
    "Uploads a photo and proof of identity and address.": "Yn llwytho llun a phrawf adnabod a chyfeiriad.",
    "Reviews the application and pays the fee if the council charges one.": "Yn adolygu’r cais ac yn talu’r ffi os "
    "yw’r cyngor yn codi un.",
    "Sees the reference and how long a decision takes.": "Yn gweld y cyfeirnod a faint o amser y mae penderfyniad "
    "yn ei gymryd.",
    "person who finds walking difficult": "person sy’n cael anhawster cerdded",
    "to park close to where I am going": "barcio’n agos at ble rydw i’n mynd",
    "I can get to appointments and shops": "modd i mi gyrraedd apwyntiadau a siopau",
    "carer applying for someone": "gofalwr sy’n gwneud cais dros rywun",
    "to apply on their behalf": "wneud cais ar ei ran",
    "they get the badge without stress": "y person yn cael y bathodyn heb straen",
    "Do not use it for applying for citizenship, which is a Home Office service.": "Peidiwch â’i ddefnyddio i wneud "
    "cais am ddinasyddiaeth, sy’n wasanaeth gan y Swyddfa Gartref.",
    "The applicant enters the reference from their invitation letter, chooses a group ceremony date or a private "
    "ceremony, says how many guests will come and, for a private ceremony, pays.": "Mae’r ymgeisydd yn rhoi’r "
    "cyfeirnod o’i lythyr gwahoddiad, yn dewis dyddiad seremoni grŵp neu seremoni breifat, yn dweud faint o "
    "westeion fydd yn dod ac, ar gyfer seremoni breifat, yn talu.",
    "Enters the Home Office reference and date of birth.": "Yn rhoi cyfeirnod y Swyddfa Gartref a’i ddyddiad geni.",
    "Chooses the kind of ceremony.": "Yn dewis y math o seremoni.",
    "Picks one of the dates available.": "Yn dewis un o’r dyddiadau sydd ar gael.",
    "Says how many guests will attend.": "Yn dweud faint o westeion fydd yn dod.",
    "Sees the date, venue and what to bring.": "Yn gweld y dyddiad, y lleoliad a beth i ddod gydag ef.",
    "person granted citizenship": "person sydd wedi cael dinasyddiaeth",
    "to book my ceremony soon": "drefnu fy seremoni yn fuan",
    "I can get my certificate within 3 months": "modd i mi gael fy nhystysgrif o fewn 3 mis",
    "new citizen": "dinesydd newydd",
    "to bring my family": "ddod â fy nheulu",
    "they can share the occasion": "modd iddynt rannu’r achlysur",
    # ----- Register a death: the rest of the pattern
    "If the death happened elsewhere, explain how to register it there.": "Os digwyddodd y farwolaeth yn rhywle "
    "arall, esboniwch sut i’w chofrestru yno.",
    "Registration by declaration": "Cofrestru drwy ddatganiad",
    "The informant cannot travel to the area where the death happened.": "Ni all yr hysbysydd deithio i’r ardal lle "
    "digwyddodd y farwolaeth.",
    "Book an appointment at a local office, which sends the information to the right district.": "Trefnu apwyntiad "
    "mewn swyddfa leol, sy’n anfon yr wybodaeth i’r ardal gywir.",
    "Ask one question per page and use the Design System components unchanged: they have been tested with screen "
    "readers, screen magnifiers, speech recognition and keyboard-only users.": "Gofynnwch un cwestiwn ar bob "
    "tudalen a defnyddiwch gydrannau’r System Ddylunio heb eu newid: maen nhw wedi’u profi gyda defnyddwyr "
    "darllenwyr sgrin, chwyddwyr sgrin, adnabod lleferydd a bysellfwrdd yn unig.",
    "Offer a phone number on every page: some people will not want to finish this online.": "Cynigiwch rif ffôn ar "
    "bob tudalen: ni fydd rhai pobl eisiau gorffen hyn ar-lein.",
    "Bereaved relatives valued knowing exactly what to bring and how long the appointment takes.": "Roedd perthnasau "
    "mewn profedigaeth yn gwerthfawrogi gwybod yn union beth i ddod gyda nhw a pha mor hir mae’r apwyntiad yn ei "
    "gymryd.",
    # ----- Register a death: the rest of the process
    "Informant": "Hysbysydd",
    "A relative or other person the law allows to give the information.": "Perthynas neu berson arall y mae’r "
    "gyfraith yn caniatáu iddo roi’r wybodaeth.",
    "Registrar": "Cofrestrydd",
    "Registers the death.": "Yn cofrestru’r farwolaeth.",
    "Medical examiner": "Archwilydd meddygol",
    "Reviews the cause of death and sends the medical certificate.": "Yn adolygu achos y farwolaeth ac yn anfon y "
    "dystysgrif feddygol.",
    "Coroner": "Crwner",
    "Investigates deaths that are sudden, unexplained or unnatural.": "Yn ymchwilio i farwolaethau sydyn, "
    "anesboniadwy neu annaturiol.",
    "Registration appointment system": "System apwyntiadau cofrestru",
    "Appointment slots at register offices.": "Slotiau apwyntiad mewn swyddfeydd cofrestru.",
    "Registration online": "Cofrestru ar-lein",
    "The national system registrars use to record births and deaths.": "Y system genedlaethol y mae cofrestryddion "
    "yn ei defnyddio i gofnodi genedigaethau a marwolaethau.",
    "Name of the person who died": "Enw’r person a fu farw",
    "Date of death": "Dyddiad y farwolaeth",
    "Informant's contact details": "Manylion cyswllt yr hysbysydd",
    "Appointment": "Apwyntiad",
    "Medical certificate": "Tystysgrif feddygol",
    "Certificate on file": "Tystysgrif ar ffeil",
    "Has the death been referred to the coroner?": "A yw’r farwolaeth wedi’i chyfeirio at y crwner?",
    "No": "Nac ydy",
    "Yes": "Ydy",
    "Referral": "Atgyfeiriad",
    "Coroner's notification": "Hysbysiad y crwner",
    "Can the registration go ahead?": "A yw’r cofrestru’n gallu mynd yn ei flaen?",
    "Informant's information": "Gwybodaeth yr hysbysydd",
    "Medical certificate or coroner's notification": "Tystysgrif feddygol neu hysbysiad y crwner",
    "Entry in the register": "Cofnod yn y gofrestr",
    "Within 5 days of the death, unless extended": "O fewn 5 diwrnod i’r farwolaeth, oni bai bod estyniad",
    "Register entry": "Cofnod yn y gofrestr",
    "Certified copies": "Copïau ardystiedig",
    "Certificate for burial or cremation": "Tystysgrif ar gyfer claddu neu amlosgi",
    "Informant's consent": "Caniatâd yr hysbysydd",
    "Tell Us Once reference": "Cyfeirnod Dweud Wrthym Unwaith",
    "Births and Deaths Registration Act 1953": "Deddf Cofrestru Genedigaethau a Marwolaethau 1953",
    "section 16 (information concerning death in a house)": "adran 16 (gwybodaeth am farwolaeth mewn tŷ)",
    "Data Protection Act 2018": "Deddf Diogelu Data 2018",
    "The legal record of the death": "Cofnod cyfreithiol y farwolaeth",
    "Permanently (a public record)": "Yn barhaol (cofnod cyhoeddus)",
    "To manage the appointment": "I reoli’r apwyntiad",
    "6 months": "6 mis",
    "Registered within 5 days": "Wedi’i chofrestru o fewn 5 diwrnod",
    "Deaths registered within the time the law sets, where no referral was made.": "Marwolaethau a gofrestrwyd o "
    "fewn yr amser y mae’r gyfraith yn ei bennu, lle na wnaed atgyfeiriad.",
    "Appointment offered within 2 working days": "Apwyntiad wedi’i gynnig o fewn 2 ddiwrnod gwaith",
    "Requests offered an appointment within 2 working days.": "Ceisiadau a gafodd gynnig apwyntiad o fewn 2 "
    "ddiwrnod gwaith.",
    # ----- words the example screens share
    "Start now": "Dechrau nawr",
    "Continue": "Parhau",
    "Warning": "Rhybudd",
    "or": "neu",
    "Someone else": "Rhywun arall",
    "Date of birth": "Dyddiad geni",
    "For example, 27 3 2007": "Er enghraifft, 27 3 2007",
    "Select all that apply.": "Dewiswch bob un sy’n berthnasol.",
    "Now send your application": "Nawr anfonwch eich cais",
    "By sending this you confirm that, to the best of your knowledge, the details you are giving are correct.": "Drwy "
    "anfon hwn rydych yn cadarnhau bod y manylion rydych yn eu rhoi yn gywir, hyd eithaf eich gwybodaeth.",
    # ----- Register a death: the pattern's example screens
    "You should register a death within 5 days. Book an appointment at a register office.": "Dylech gofrestru "
    "marwolaeth o fewn 5 diwrnod. Trefnwch apwyntiad mewn swyddfa gofrestru.",
    "Who can register a death": "Pwy all gofrestru marwolaeth",
    "A relative, someone present at the death, or the person arranging the funeral.": "Perthynas, rhywun a oedd "
    "yno pan fu farw’r person, neu’r person sy’n trefnu’r angladd.",
    "Bring the medical certificate of cause of death if the doctor gave it to you.": "Dewch â’r dystysgrif "
    "feddygol o achos marwolaeth os rhoddodd y meddyg hi i chi.",
    "In this council's area": "Yn ardal y cyngor hwn",
    "Somewhere else in England or Wales": "Rhywle arall yn Lloegr neu yng Nghymru",
    "Outside the UK": "Y tu allan i’r DU",
    "What was the full name of the person who died?": "Beth oedd enw llawn y person a fu farw?",
    "When did they die?": "Pryd bu farw’r person?",
    "Monday 9 March, 10am, Town Hall": "Dydd Llun 9 Mawrth, 10am, Neuadd y Dref",
    "Monday 9 March, 2pm, Town Hall": "Dydd Llun 9 Mawrth, 2pm, Neuadd y Dref",
    "Tuesday 10 March, 11am, Civic Centre": "Dydd Mawrth 10 Mawrth, 11am, y Ganolfan Ddinesig",
    "Full name": "Enw llawn",
    "Relationship to the person who died": "Perthynas â’r person a fu farw",
    "Choose": "Dewiswch",
    "Husband, wife or civil partner": "Gŵr, gwraig neu bartner sifil",
    "Son or daughter": "Mab neu ferch",
    "Another relative": "Perthynas arall",
    "Phone number": "Rhif ffôn",
    "Monday 9 March at 10am, Town Hall": "Dydd Llun 9 Mawrth am 10am, Neuadd y Dref",
    "Bring": "Beth i ddod gyda chi",
    "bring": "beth i ddod gyda chi",
    "Medical certificate of cause of death": "Tystysgrif feddygol o achos marwolaeth",
    "Reference": "Cyfeirnod",
    "reference": "cyfeirnod",
    # ----- Register a death: the process's decision answers, outcomes and research
    "Not yet: an inquest is opened": "Ddim eto: mae cwest yn cael ei agor",
    "Registered after the inquest": "Wedi’i chofrestru ar ôl y cwest",
    "Death registered": "Marwolaeth wedi’i chofrestru",
    "Registrars said informants often book before the medical certificate is ready, so the process allows for "
    "it.": "Dywedodd cofrestryddion fod hysbyswyr yn aml yn trefnu apwyntiad cyn bod y dystysgrif feddygol yn "
    "barod, felly mae’r broses yn caniatáu ar gyfer hynny.",
    # ----- Apply for a Blue Badge: the example screens
    "Me": "Fi",
    "Do you get any of these benefits?": "Ydych chi’n cael unrhyw un o’r budd-daliadau hyn?",
    "Personal Independence Payment (PIP)": "Taliad Annibyniaeth Personol (PIP)",
    "Disability Living Allowance (DLA)": "Lwfans Byw i’r Anabl (DLA)",
    "War Pensioners' Mobility Supplement": "Atodiad Symudedd Pensiynwyr Rhyfel",
    "No, I do not get any of these": "Nac ydw, nid wyf yn cael unrhyw un o’r rhain",
    "Why we ask": "Pam rydym yn gofyn",
    "Some benefits mean you can get a badge without a further assessment.": "Mae rhai budd-daliadau’n golygu y "
    "gallwch gael bathodyn heb asesiad pellach.",
    "How far can you walk?": "Pa mor bell allwch chi gerdded?",
    "How far can you walk without stopping?": "Pa mor bell allwch chi gerdded heb stopio?",
    "I cannot walk": "Ni allaf gerdded",
    "Less than 50 metres": "Llai na 50 metr",
    "50 to 100 metres": "50 i 100 metr",
    "More than 100 metres": "Mwy na 100 metr",
    "Describe how your condition affects you": "Disgrifiwch sut mae eich cyflwr yn effeithio arnoch chi",
    "Include any pain, breathlessness or risk to your safety when walking.": "Soniwch am unrhyw boen, diffyg "
    "anadl neu risg i’ch diogelwch wrth gerdded.",
    "Upload a photo of the badge holder": "Llwythwch lun o ddeiliad y bathodyn",
    "A recent photo of the face, like a passport photo.": "Llun diweddar o’r wyneb, fel llun pasbort.",
    "Upload proof of identity": "Llwythwch brawf adnabod",
    "A passport, driving licence or birth certificate.": "Pasbort, trwydded yrru neu dystysgrif geni.",
    "Badge for": "Bathodyn ar gyfer",
    "badge for": "bathodyn ar gyfer",
    "Benefits": "Budd-daliadau",
    "benefits": "budd-daliadau",
    "Fee": "Ffi",
    "fee": "ffi",
    "Continue to payment": "Parhau i dalu",
    "Your reference is BB-88214": "Eich cyfeirnod yw BB-88214",
    "We usually decide within 12 weeks.": "Rydym fel arfer yn penderfynu o fewn 12 wythnos.",
    # ----- Apply for a Blue Badge: the rest of the pattern
    "Ask about everyday journeys, not medical terms.": "Gofynnwch am deithiau bob dydd, nid am dermau meddygol.",
    "Organisation badge": "Bathodyn sefydliad",
    "A care home or charity transports disabled people.": "Mae cartref gofal neu elusen yn cludo pobl anabl.",
    "Ask about the organisation and its vehicles instead of a person's condition.": "Gofynnwch am y sefydliad a’i "
    "gerbydau yn lle cyflwr person.",
    "Many users are disabled: test with people who use assistive technology at every round.": "Mae llawer o "
    "ddefnyddwyr yn anabl: profwch gyda phobl sy’n defnyddio technoleg gynorthwyol ym mhob rownd.",
    "Carers applying for someone else were confused by 'you'; asking who the badge is for first and then using "
    "their name fixed it.": "Roedd gofalwyr a oedd yn gwneud cais dros rywun arall wedi drysu gan ‘chi’; roedd "
    "gofyn yn gyntaf ar gyfer pwy mae’r bathodyn ac yna defnyddio enw’r person yn datrys hyn.",
    # ----- Book a citizenship ceremony: the example screens
    "Home Office reference": "Cyfeirnod y Swyddfa Gartref",
    "On the invitation letter, for example, B1234567": "Ar y llythyr gwahoddiad, er enghraifft, B1234567",
    "What kind of ceremony do you want?": "Pa fath o seremoni hoffech chi?",
    "Group ceremony": "Seremoni grŵp",
    "Free, with up to 2 guests": "Am ddim, gyda hyd at 2 westai",
    "Private ceremony": "Seremoni breifat",
    "£150, with up to 10 guests": "£150, gyda hyd at 10 gwestai",
    "What happens at a ceremony": "Beth sy’n digwydd mewn seremoni",
    "You make an oath or affirmation and a pledge, then receive your certificate.": "Rydych yn tyngu llw neu’n "
    "gwneud cadarnhad, ac yn gwneud addewid, yna’n cael eich tystysgrif.",
    "Thursday 2 April, 11am": "Dydd Iau 2 Ebrill, 11am",
    "Thursday 16 April, 11am": "Dydd Iau 16 Ebrill, 11am",
    "How many guests will come?": "Faint o westeion fydd yn dod?",
    "Up to 2 for a group ceremony": "Hyd at 2 ar gyfer seremoni grŵp",
    "Ceremony booked": "Seremoni wedi’i threfnu",
    "Thursday 2 April at 11am, Town Hall": "Dydd Iau 2 Ebrill am 11am, Neuadd y Dref",
    "Bring your invitation letter and passport, or you cannot take part.": "Dewch â’ch llythyr gwahoddiad a’ch "
    "pasbort, neu ni allwch gymryd rhan.",
    # ----- Book a citizenship ceremony: the rest of the pattern
    "Ceremony in Welsh": "Seremoni yn Gymraeg",
    "The applicant would like the ceremony in Welsh.": "Hoffai’r ymgeisydd gael y seremoni yn Gymraeg.",
    "Offer the Welsh-language dates and send confirmation in Welsh.": "Cynigiwch y dyddiadau ar gyfer seremonïau "
    "Cymraeg ac anfonwch gadarnhad yn Gymraeg.",
    "Say how to ask for step-free access or a hearing loop at the venue.": "Dywedwch sut i ofyn am fynediad heb "
    "risiau neu ddolen sain yn y lleoliad.",
    "A first look at how councils take ceremony bookings today; not yet tested with users.": "Golwg gyntaf ar sut "
    "mae cynghorau’n derbyn archebion am seremonïau heddiw; heb ei phrofi gyda defnyddwyr eto.",
    # ----- Assess a Blue Badge application: roles and systems
    "Applicant": "Ymgeisydd",
    "The disabled person or someone applying for them.": "Y person anabl neu rywun sy’n gwneud cais ar ei ran.",
    "Blue Badge assessor": "Aseswr Bathodyn Glas",
    "Checks evidence and decides eligibility.": "Yn gwirio tystiolaeth ac yn penderfynu ar gymhwysedd.",
    "Independent mobility assessor": "Aseswr symudedd annibynnol",
    "An occupational therapist or physiotherapist.": "Therapydd galwedigaethol neu ffisiotherapydd.",
    "Badge manufacturer": "Gwneuthurwr bathodynnau",
    "Prints and posts the badge.": "Yn argraffu ac yn postio’r bathodyn.",
    "Blue Badge digital service": "Gwasanaeth digidol y Bathodyn Glas",
    "The national service for applications and badge orders.": "Y gwasanaeth cenedlaethol ar gyfer ceisiadau ac "
    "archebion bathodynnau.",
    "Case management system": "System rheoli achosion",
    "The council's record of assessments and decisions.": "Cofnod y cyngor o asesiadau a phenderfyniadau.",
    # ----- Assess a Blue Badge application: the steps' inputs, outputs, time limits, decisions and outcomes
    "Photo": "Llun",
    "Proof of identity": "Prawf adnabod",
    "Proof of address": "Prawf o gyfeiriad",
    "Benefit letter or description of needs": "Llythyr budd-dal neu ddisgrifiad o anghenion",
    "Application": "Cais",
    "Benefit evidence": "Tystiolaeth budd-dal",
    "Route: automatic or further assessment": "Llwybr: awtomatig neu asesiad pellach",
    "5 working days": "5 diwrnod gwaith",
    "Is the applicant eligible without further assessment?": "A yw’r ymgeisydd yn gymwys heb asesiad pellach?",
    "Description of needs": "Disgrifiad o anghenion",
    "Assessment report": "Adroddiad asesu",
    "4 weeks": "4 wythnos",
    "Does the report support eligibility?": "A yw’r adroddiad yn cefnogi cymhwysedd?",
    "Decision": "Penderfyniad",
    "Badge order": "Archeb bathodyn",
    "Decision letter": "Llythyr penderfyniad",
    "Badge refused": "Bathodyn wedi’i wrthod",
    "Badge delivered": "Bathodyn wedi’i ddanfon",
    "Badge issued": "Bathodyn wedi’i roi",
    # ----- Assess a Blue Badge application: legislation, data held, performance measures and research
    "section 21 (badges for display on motor vehicles)": "adran 21 (bathodynnau i’w harddangos ar gerbydau modur)",
    "section 149 (public sector equality duty)": "adran 149 (dyletswydd cydraddoldeb y sector cyhoeddus)",
    "Health and mobility information": "Gwybodaeth am iechyd a symudedd",
    "To decide eligibility": "I benderfynu ar gymhwysedd",
    "3 years after the badge expires": "3 blynedd ar ôl i’r bathodyn ddod i ben",
    "Photograph and identity evidence": "Ffotograff a thystiolaeth adnabod",
    "To print the badge and prevent fraud": "I argraffu’r bathodyn ac atal twyll",
    "Until the badge expires": "Nes i’r bathodyn ddod i ben",
    "Decided within 12 weeks": "Wedi’i benderfynu o fewn 12 wythnos",
    "Applications decided within 12 weeks of a complete application.": "Ceisiadau y penderfynwyd arnynt o fewn 12 "
    "wythnos i gais cyflawn.",
    "Reviews upheld": "Adolygiadau a gadarnhawyd",
    "Share of reviews where the original decision was changed.": "Cyfran yr adolygiadau lle newidiwyd y "
    "penderfyniad gwreiddiol.",
    "Assessors in two councils walked through the flow; both asked for refusals to end the case with the right to "
    "a review, not to go on to printing.": "Aeth aseswyr mewn 2 gyngor drwy’r llif; gofynnodd y ddau i achos a "
    "wrthodwyd ddod i ben gyda’r hawl i adolygiad, yn hytrach na mynd ymlaen i argraffu.",
    "Around half of applications were automatically eligible and needed no mobility assessment.": "Roedd tua "
    "hanner y ceisiadau’n gymwys yn awtomatig ac nid oedd angen asesiad symudedd arnynt.",
    # ----- UK Act and regulation titles with no Welsh title: kept in English, as Welsh GOV.UK pages do
    "Chronically Sick and Disabled Persons Act 1970": "Chronically Sick and Disabled Persons Act 1970",
    "Disabled Persons (Badges for Motor Vehicles) (England) Regulations 2000": "Disabled Persons (Badges for Motor "
    "Vehicles) (England) Regulations 2000",
    "Equality Act 2010": "Equality Act 2010",
}

# Snippets: (English name, English description) by slug → (Welsh name, Welsh description).
PATTERN_TYPES = {
    "apply": (
        "Gwneud cais",
        "Mae’r preswylydd yn gofyn i’r cyngor am rywbeth y mae’n penderfynu arno: lle, trwydded, grant neu "
        "ostyngiad. Mae’r cyngor yn gwirio cymhwysedd, gall ofyn am dystiolaeth ac mae’n rhoi penderfyniad y gall "
        "y preswylydd ei herio.",
    ),
    "book": (
        "Trefnu",
        "Mae’r preswylydd yn cadw amser neu slot: apwyntiad, ymweliad â safle, casgliad. Mae angen iddo weld beth "
        "sydd ar gael, dewis, a gallu newid neu ganslo.",
    ),
    "check": (
        "Gwirio",
        "Mae’r preswylydd yn chwilio am rywbeth sy’n benodol iddo neu i’w gyfeiriad: diwrnod casglu, balans, "
        "statws achos. Nid oes dim yn cael ei greu ac nid oes penderfyniad yn cael ei wneud.",
    ),
    "pay": (
        "Talu",
        "Mae’r preswylydd yn talu swm i’r cyngor y mae wedi’i bennu neu sy’n ddyledus: tâl, dirwy, bil. Mae angen "
        "iddo wybod am beth mae’n talu, talu’n ddiogel a chael derbynneb.",
    ),
    "register": (
        "Cofrestru",
        "Mae’r preswylydd yn cofnodi ffaith y mae’n rhaid i’r cyngor ei chadw yn ôl y gyfraith neu sy’n ei roi ar "
        "restr: marwolaeth, genedigaeth, pleidlais, lle ar y gofrestr tai.",
    ),
    "request": (
        "Gofyn",
        "Mae’r preswylydd yn gofyn am wasanaeth y mae’r cyngor yn ei ddarparu pan ofynnir amdano, fel arfer heb "
        "benderfyniad am gymhwysedd: casgliad, cynhwysydd, atgyweiriad.",
    ),
    "tell": (
        "Rhoi gwybod",
        "Mae’r preswylydd yn rhoi gwybod am broblem neu newid fel y gall y cyngor weithredu: bin heb ei gasglu, "
        "twll yn y ffordd, cyfeiriad newydd. Mae am wybod bod y cyngor wedi’i gael a beth sy’n digwydd nesaf.",
    ),
}

LIFE_EVENTS = {
    "having-a-baby": (
        "Cael babi",
        "Cofrestru’r enedigaeth, gofal plant ac addysg gynnar, a’r newidiadau y mae plentyn newydd yn eu dwyn i "
        "aelwyd.",
    ),
    "starting-school": (
        "Dechrau neu newid ysgol",
        "Gwneud cais am le mewn ysgol, teithio i’r ysgol a help gyda chostau ysgol.",
    ),
    "moving-home": (
        "Symud tŷ",
        "Dweud wrth y cyngor am gyfeiriad newydd: y dreth gyngor, y gofrestr etholiadol, biniau a pharcio.",
    ),
    "bereavement": (
        "Delio â marwolaeth",
        "Cofrestru marwolaeth, trefnu angladd a rhoi trefn ar y gwasanaethau cyngor yr oedd y person yn eu defnyddio.",
    ),
    "becoming-disabled": (
        "Byw gydag anabledd",
        "Parcio, teithio, addasiadau i’r cartref a chymorth i rywun y mae ei symudedd neu ei iechyd wedi newid.",
    ),
    "caring-for-someone": (
        "Gofalu am rywun",
        "Cymorth, asesiadau a seibiannau i bobl sy’n gofalu am berthynas, partner neu ffrind.",
    ),
    "losing-a-job": (
        "Colli swydd neu gael llai o arian",
        "Help gyda’r dreth gyngor, rhent a chostau ysgol pan fydd incwm aelwyd yn gostwng.",
    ),
    "getting-married": (
        "Priodi neu ffurfio partneriaeth sifil",
        "Rhoi hysbysiad, trefnu seremoni a’r cofrestru sy’n dilyn.",
    ),
    "retiring": (
        "Ymddeol a heneiddio",
        "Teithio rhatach, gofal a chymorth yn y cartref, a gostyngiadau sy’n dod gydag oedran.",
    ),
    "becoming-a-british-citizen": (
        "Dod yn ddinesydd Prydeinig",
        "Trefnu a mynychu seremoni dinasyddiaeth ar ôl i’r Swyddfa Gartref gymeradwyo cais.",
    ),
    "starting-a-business": (
        "Dechrau busnes",
        "Trwyddedau, ardrethi busnes a chaniatâd ar gyfer busnes neu fasnachwr newydd.",
    ),
    "owning-a-vehicle": (
        "Bod yn berchen ar gerbyd neu ei yrru",
        "Trwyddedau parcio, taliadau cosb, cyrbiau isel a chyflwr y ffyrdd.",
    ),
}
