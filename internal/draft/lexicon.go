package draft

import (
	"strings"
	"sync"
)

// The lexicons below are general English news usage: speech and thought
// verbs, the phrases that introduce an attribution, the words that name a
// role, and the cues by which an article says that one statement answers
// another. Nothing in them is particular to one article.

// speechVerbs are the verbs of saying, writing, thinking and reporting, by
// lemma. Their inflections are made by inflect; irregular ones are listed.
var speechVerbs = strings.Fields(`
say tell add argue assert claim insist maintain contend state declare announce
explain note observe remark comment mention suggest hint imply indicate signal
warn caution threaten promise pledge vow swear guarantee assure reassure
admit acknowledge concede confess allow grant agree disagree concur
deny reject dismiss refute rebut dispute contest challenge contradict counter
reply respond retort answer
ask wonder question query inquire
urge call demand request plead beg implore press push
propose recommend advise suggest
accuse blame charge allege criticize criticise condemn denounce decry slam blast
attack praise commend hail laud applaud welcome thank congratulate
defend justify
complain lament bemoan grumble protest object
boast brag tout trumpet highlight emphasize emphasise stress underline underscore
reiterate repeat restate recall remember
reveal disclose confirm report testify attest
estimate predict forecast project calculate reckon figure guess
believe think feel know expect hope fear worry doubt suspect assume presume
want wish prefer
conclude find determine decide judge
write tweet post blog email text
describe characterize characterise portray label brand dub term
acknowledge recognize recognise
joke quip muse speculate
shout yell scream cry chant whisper mutter sing
inform notify brief remind
speak refer cite discuss allude
read
point
continue
concede
advocate
predict
insist
caution
lash
fire
hit
`)

// irregular maps an irregular verb to its past forms.
var irregular = map[string][]string{
	"sing":     {"sang", "sung"},
	"say":      {"said"},
	"tell":     {"told"},
	"think":    {"thought"},
	"know":     {"knew", "known"},
	"write":    {"wrote", "written"},
	"swear":    {"swore", "sworn"},
	"feel":     {"felt"},
	"find":     {"found"},
	"speak":    {"spoke", "spoken"},
	"fight":    {"fought"},
	"hit":      {"hit"},
	"grant":    {"granted"},
	"forecast": {"forecast"},
	"cry":      {"cried"},
	"refer":    {"referred", "referring"},
	"read":     {"read"},
}

// notCue are forms that inflect makes but that are far more often something
// else in news text: nouns, adjectives, or words of another sense.
var notCue = map[string]bool{
	"point": true, "points": true, "pointed": true, "pointing": true, // only "pointed out"
	"continue": true, "continues": true, "continuing": true, // only "continued:" before a quote
	"lash": true, "lashes": true, "lashed": true, "lashing": true, // only "lashed out"
	"fire": true, "fires": true, "fired": true, "firing": true, // only "fired back"
	"hit": true, "hits": true, "hitting": true, // only "hit back"
	"want": true, "wish": true, "hope": true, "fear": true, "worry": true, "doubt": true, // nouns
	"charge": true, "charges": true, "claim": true, "claims": true, "report": true, "reports": true,
	"answer": true, "answers": true, "question": true, "questions": true, "attack": true, "attacks": true,
	"comment": true, "comments": true, "promise": true, "promises": true, "demand": true, "demands": true,
	"request": true, "requests": true, "estimate": true, "estimates": true, "guess": true, "project": true,
	"projects": true, "figure": true, "figures": true, "text": true, "texts": true, "post": true, "posts": true,
	"blast": true, "slam": true, "brief": true, "briefs": true, "label": true, "labels": true, "brand": true,
	"brands": true, "term": true, "terms": true, "counter": true, "protest": true, "protests": true,
	"object": true, "objects": true, "push": true, "press": true, "welcome": true, "state": true,
	"states": true, "stated": false, "find": true, "finds": true, "judge": true, "judges": true,
	"remark": true, "remarks": true, "note": true, "notes": true, "signal": true, "signals": true,
	"thank": true, "thanks": true, "email": true, "emails": true, "tweet": true, "tweets": true,
	"blog": true, "chant": true, "chants": true, "cry": true, "cries": true, "shout": true, "yell": true,
	"scream": true, "whisper": true, "plead": true, "beg": true, "query": true, "fired back": false,
	"repeat": true, "praise": true, "hail": true, "defend": true, "tout": true, "trumpet": true,
	"highlight": true, "highlights": true, "stress": true, "boast": true, "joke": true, "jokes": true,
	"quip": true, "muse": true, "dub": true, "guarantee": true, "forecast": true, "grant": true,
	"grants": true, "allow": true, "allows": true, "allowed": true, "allowing": true, "cried": true,
	"found": true, "know": true, "known": true, "thought": true, "writing": true, "written": true,
	"feel": true, "felt": true, "feeling": true, "feels": true, "believe": false,
	"continue:": false, "decided": true, "decide": true, "determine": true, "determined": true,
	"mention": true, "sworn": true, "concluding": true, "figured": true, "projected": true,
	"calculated": true, "fears": true, "fearing": true, "doubts": true, "worries": true,
	"wishes": true, "hopes": true, "wants": false, "challenge": true, "challenges": true,
	"reckon": true, "respond": false, "counters": true, "countering": true,
}

// phrases are cues of more than one word, and single words that introduce
// an attribution without being a verb of saying.
var phrases = []struct {
	words string
	kind  cueKind
}{
	{"according to", cueAccording},
	{"quoted as saying", cueVerb},
	{"was quoted as saying", cueVerb},
	{"went on to say", cueVerb},
	{"pointed out", cueVerb},
	{"points out", cueVerb},
	{"pointing out", cueVerb},
	{"continued", cueVerb},
	{"called for", cueVerb},
	{"calling for", cueVerb},
	{"calls for", cueVerb},
	{"made clear", cueVerb},
	{"makes clear", cueVerb},
	{"made the case", cueVerb},
	{"summing up", cueVerb},
	{"put it", cueVerb},
	{"was sure", cueVerb},
	{"were sure", cueVerb},
	{"is sure", cueVerb},
	{"are sure", cueVerb},
	{"was convinced", cueVerb},
	{"were convinced", cueVerb},
	{"is convinced", cueVerb},
	{"are convinced", cueVerb},
	{"was confident", cueVerb},
	{"is confident", cueVerb},
	{"puts it", cueVerb},
	{"in a statement", cueNone},
}

// cueKind says how a cue relates its source to its content.
type cueKind uint8

const (
	cueNone      cueKind = iota
	cueVerb              // SOURCE verb CONTENT, or CONTENT, verb SOURCE
	cueAccording         // according to SOURCE, CONTENT
)

// relationCues are the words by which an article shows that a statement
// answers another, and the kind of answer each implies.
var relationCues = []struct {
	words, kind string
}{
	{"in direct contradiction of", "contradicts"},
	{"in contradiction of", "contradicts"},
	{"contradicting", "contradicts"},
	{"contradicted", "contradicts"},
	{"contradicts", "contradicts"},
	{"hit back", "rebuts"},
	{"hits back", "rebuts"},
	{"hitting back", "rebuts"},
	{"fired back", "rebuts"},
	{"fires back", "rebuts"},
	{"shot back", "rebuts"},
	{"struck back", "rebuts"},
	{"returned fire", "rebuts"},
	{"lashed out", "rebuts"},
	{"rebutted", "rebuts"},
	{"rebuts", "rebuts"},
	{"countered", "rebuts"},
	{"retorted", "rebuts"},
	{"pushed back", "rebuts"},
	{"dismissed the suggestion", "denies"},
	{"dismissed the idea", "denies"},
	{"dismissed the claim", "denies"},
	{"dismissed", "denies"},
	{"dismisses", "denies"},
	{"denied", "denies"},
	{"denies", "denies"},
	{"denying", "denies"},
	{"rejected", "denies"},
	{"rejects", "denies"},
	{"rejecting", "denies"},
	{"refuted", "denies"},
	{"disputed", "denies"},
	{"responded", "responds"},
	{"responds", "responds"},
	{"responding", "responds"},
	{"in response to", "responds"},
	{"replied", "responds"},
	{"replying", "responds"},
	{"answered", "responds"},
	{"echoed", "supports"},
	{"echoing", "supports"},
	{"agreed with", "supports"},
	{"backed", "supports"},
	{"endorsed", "supports"},
	{"conceded", "qualifies"},
	{"acknowledged", "qualifies"},
}

// titles come before a name and say what the person is.
var titles = map[string]string{
	"mr": "", "mrs": "", "ms": "", "miss": "", "dr": "doctor", "prof": "professor", "professor": "professor",
	"sir": "", "dame": "", "lord": "", "lady": "",
	"president": "president", "vice": "", "senator": "senator", "sen": "senator", "rep": "representative",
	"representative": "representative", "congressman": "congressman", "congresswoman": "congresswoman",
	"gov": "governor", "governor": "governor", "mayor": "mayor", "judge": "judge", "justice": "justice",
	"gen": "general", "general": "general", "col": "colonel", "lt": "lieutenant", "capt": "captain",
	"adm": "admiral", "sgt": "sergeant", "rev": "reverend", "father": "", "pope": "pope", "king": "king",
	"queen": "queen", "prince": "prince", "princess": "princess", "chancellor": "chancellor",
	"minister": "minister", "secretary": "secretary", "speaker": "speaker", "leader": "leader",
	"chairman": "chairman", "chairwoman": "chairwoman", "ambassador": "ambassador", "premier": "premier",
	"chief": "chief", "detective": "detective", "officer": "officer", "attorney": "attorney",
	"commissioner": "commissioner", "sheriff": "sheriff", "candidate": "candidate", "nominee": "nominee",
	"pastor": "pastor", "bishop": "bishop", "coach": "coach", "former": "", "acting": "", "deputy": "",
	// occupations that news style puts before a name as a title ("Engineer
	// Tom Reyes", "Economist Lena Holm")
	"engineer": "engineer", "economist": "economist", "analyst": "analyst", "scientist": "scientist",
	"researcher": "researcher", "architect": "architect", "historian": "historian", "activist": "activist",
	"lawyer": "lawyer", "inspector": "inspector", "strategist": "strategist", "pollster": "pollster",
	"nurse": "nurse", "teacher": "teacher", "physician": "physician", "surgeon": "surgeon",
}

// femaleTitles and maleTitles give a name's gender, for pronouns.
var femaleTitles = map[string]bool{"mrs": true, "ms": true, "miss": true, "dame": true, "lady": true, "queen": true,
	"princess": true, "congresswoman": true, "chairwoman": true, "spokeswoman": true, "businesswoman": true}
var maleTitles = map[string]bool{"mr": true, "sir": true, "lord": true, "king": true, "prince": true, "father": true,
	"congressman": true, "chairman": true, "spokesman": true, "businessman": true, "pope": true}

// orgWords mark a capitalised name as an organisation's.
var orgWords = map[string]bool{
	"party": true, "committee": true, "campaign": true, "department": true, "ministry": true, "agency": true,
	"news": true, "times": true, "post": true, "journal": true, "press": true, "associated": true,
	"reuters": true, "cnn": true, "bbc": true, "nbc": true, "cbs": true, "abc": true, "fox": true, "msnbc": true,
	"university": true, "college": true, "institute": true, "center": true, "centre": true, "council": true,
	"association": true, "inc": true, "corp": true, "corporation": true, "company": true, "co": true,
	"commission": true, "office": true, "bureau": true, "foundation": true, "group": true, "court": true,
	"congress": true, "senate": true, "house": true, "parliament": true, "government": true, "administration": true,
	"police": true, "army": true, "navy": true, "force": true, "union": true, "league": true, "club": true,
	"bank": true, "fund": true, "network": true, "service": true, "services": true, "board": true,
	"pictures": true, "studios": true, "studio": true, "federation": true, "organization": true,
	"organisation": true, "coalition": true, "alliance": true, "authority": true, "fbi": true, "cia": true,
	"nato": true, "un": true, "eu": true, "gop": true, "pentagon": true, "kremlin": true, "tribune": true,
	"magazine": true, "herald": true, "guardian": true, "telegraph": true, "politico": true, "breitbart": true,
	"poll": true, "polls": true, "survey": true, "research": true, "project": true, "report": true,
	"international": true, "ltd": true, "llc": true, "plc": true, "cabinet": true, "embassy": true,
	"airlines": true, "motors": true, "media": true, "channel": true, "radio": true, "television": true,
	"tv": true, "daily": true, "weekly": true, "gazette": true, "review": true, "monitor": true,
	"nations": true, "states": true, "republic": true, "kingdom": true, "korea": true, "china": true,
	"russia": true, "america": true, "iran": true, "israel": true, "britain": true, "france": true,
	"germany": true, "japan": true, "india": true, "pakistan": true, "syria": true, "iraq": true,
	"afghanistan": true, "ukraine": true, "turkey": true, "egypt": true, "mexico": true, "canada": true,
	"cuba": true, "venezuela": true, "brazil": true, "italy": true, "spain": true, "australia": true,
	"pyongyang": true, "washington": true, "moscow": true, "beijing": true, "tehran": true, "london": true,
	"paris": true, "berlin": true, "tokyo": true, "brussels": true, "europe": true, "africa": true,
	"asia": true, "democrats": true, "republicans": true, "white": false,
}

// mediaWords mark an organisation as a news medium (a venue or an
// intermediary) and stateMediaWords as one run by a state.
var mediaWords = map[string]bool{"news": true, "times": true, "post": true, "journal": true, "press": true,
	"reuters": true, "cnn": true, "bbc": true, "nbc": true, "cbs": true, "abc": true, "fox": true, "msnbc": true,
	"agency": true, "tribune": true, "magazine": true, "herald": true, "guardian": true, "telegraph": true,
	"politico": true, "radio": true, "television": true, "tv": true, "daily": true, "gazette": true,
	"channel": true, "network": true, "associated": true, "afp": true, "ap": true, "xinhua": true, "tass": true,
	"newspaper": true, "broadcaster": true, "outlet": true, "npr": true, "wire": true}
var stateMediaWords = map[string]bool{"state-run": true, "state-owned": true, "state-controlled": true,
	"official": true, "state": true, "government-run": true}

// groupWords are heads of a plural or collective source.
var groupWords = map[string]bool{
	"officials": true, "sources": true, "critics": true, "analysts": true, "experts": true, "people": true,
	"voters": true, "residents": true, "protesters": true, "protestors": true, "supporters": true,
	"opponents": true, "democrats": true, "republicans": true, "lawmakers": true, "members": true,
	"leaders": true, "aides": true, "advisers": true, "advisors": true, "investigators": true,
	"prosecutors": true, "police": true, "authorities": true, "witnesses": true, "economists": true,
	"scientists": true, "researchers": true, "activists": true, "hackers": true, "students": true,
	"parents": true, "doctors": true, "workers": true, "executives": true, "observers": true,
	"diplomats": true, "insiders": true, "others": true, "many": true, "some": true, "both": true,
	"americans": true, "pollsters": true, "organizers": true, "organisers": true, "lawyers": true,
	"attorneys": true, "polls": true, "surveys": true, "senators": true, "delegates": true, "donors": true,
	"staff": true, "staffers": true, "spokespeople": true, "groups": true, "conservatives": true,
	"liberals": true, "progressives": true, "fans": true, "viewers": true, "readers": true, "family": true,
	"relatives": true, "neighbors": true, "neighbours": true, "friends": true, "colleagues": true,
	"they": true, "we": true,
}

// officialWords are heads of a source who speaks for an institution.
var officialWords = map[string]bool{"official": true, "spokesman": true, "spokeswoman": true, "spokesperson": true,
	"minister": true, "secretary": true, "ambassador": true, "aide": true, "adviser": true, "advisor": true,
	"officer": true, "president": true, "senator": true, "governor": true, "mayor": true, "director": true,
	"chairman": true, "chairwoman": true, "representative": true, "congressman": true, "congresswoman": true,
	"diplomat": true, "commissioner": true, "sheriff": true, "chief": true, "prosecutor": true, "judge": true}

// pronouns that can name a speaker, and what they can refer to.
var personPronouns = map[string]byte{"he": 'm', "she": 'f', "him": 'm', "her": 'f'}
var groupPronouns = map[string]bool{"they": true, "it": true}
var firstPronouns = map[string]bool{"i": true, "we": true}

// determiners start a noun phrase that names a source by its role.
var determiners = map[string]bool{"the": true, "a": true, "an": true, "one": true, "another": true, "two": true,
	"three": true, "several": true, "some": true, "many": true, "most": true, "his": true, "her": true,
	"its": true, "their": true, "our": true, "my": true, "your": true, "this": true, "that": true, "these": true, "those": true,
	"other": true, "senior": false, "no": true, "each": true, "every": true, "any": true, "both": true}

// stopLeft end a source noun phrase when met going left from its verb.
var stopLeft = map[string]bool{"that": true, "which": true, "who": true, "whom": true, "whose": true,
	"and": true, "but": true, "or": true, "nor": true, "when": true, "while": true, "as": true, "because": true,
	"if": true, "since": true, "after": true, "before": true, "although": true, "though": true, "where": true,
	"in": true, "on": true, "at": true, "to": true, "from": true, "with": true, "by": true, "about": true,
	"than": true, "into": true, "over": true, "under": true, "during": true, "until": true, "so": true,
	"yet": true, "then": true, "also": true, "not": true, "is": true, "was": true, "are": true, "were": true,
	"be": true, "been": true, "has": true, "have": true, "had": true, "will": true, "would": true,
	"could": true, "can": true, "may": true, "might": true, "should": true, "must": true, "did": true,
	"do": true, "does": true, "what": true, "how": true, "why": true, "whether": true, "said": true,
	"says": true, "told": true, "like": true, "unlike": true, "against": true, "for": true, "through": true,
	"however": true, "meanwhile": true, "instead": true, "now": true, "still": true, "even": true,
	"only": true, "just": true, "there": true, "here": true, "today": true, "yesterday": true,
	"tonight": true, "later": true, "earlier": true, "once": true, "again": true, "too": true, "very": true}

// skipBeforeVerb are auxiliaries and adverbs that may stand between a
// source and its verb.
var skipBeforeVerb = map[string]bool{"has": true, "had": true, "have": true, "also": true, "later": true,
	"earlier": true, "previously": true, "then": true, "again": true, "recently": true, "repeatedly": true,
	"publicly": true, "privately": true, "reportedly": true, "once": true, "only": true, "never": true,
	"always": true, "often": true, "even": true, "still": true, "already": true, "just": true,
	"further": true, "would": true, "will": true, "could": true, "can": true, "may": true, "might": true,
	"should": true, "must": true, "did": true, "does": true, "do": true, "not": true, "n't": true,
	"has also": true, "is": false, "first": true, "last": true, "initially": true, "quickly": true,
	"immediately": true, "subsequently": true, "apparently": true, "allegedly": true, "now": true,
	"ultimately": true, "finally": true, "separately": true, "similarly": true, "likewise": true,
	"reportedly:": false, "personally": true, "openly": true, "flatly": true, "strongly": true,
	"simply": true, "clearly": true, "certainly": true, "largely": true, "long": true, "frequently": true,
	"actually": true, "really": true, "yet": true, "all": true, "both": true, "each": true,
	"himself": true, "herself": true, "themselves": true, "itself": true, "probably": true, "widely": true,
}

// passiveAux before a past participle make the verb passive: "was told",
// "were asked" name the hearer, not the speaker.
var passiveAux = map[string]bool{"was": true, "were": true, "is": true, "are": true, "been": true, "being": true, "be": true, "get": true, "got": true}

// weekdays and months, for a claim's time.
var weekdays = map[string]bool{"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"saturday": true, "sunday": true}
var months = map[string]bool{"january": true, "february": true, "march": true, "april": true, "may": true,
	"june": true, "july": true, "august": true, "september": true, "october": true, "november": true,
	"december": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true}
var dayParts = map[string]bool{"morning": true, "afternoon": true, "evening": true, "night": true}

// abbreviations end with a full stop that does not end the sentence.
var abbreviations = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sen": true,
	"rep": true, "gov": true, "gen": true, "col": true, "lt": true, "capt": true, "sgt": true, "adm": true,
	"rev": true, "st": true, "jr": true, "sr": true, "no": true, "vs": true, "v": true, "inc": true,
	"corp": true, "co": true, "ltd": true, "jan": true, "feb": true, "mar": true, "apr": true, "jun": true,
	"jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"mt": true, "ft": true, "sec": true, "dept": true, "est": true, "approx": true, "etc": true,
	"u.s": true, "u.k": true, "u.n": true, "d.c": true, "e.g": true, "i.e": true, "a.m": true, "p.m": true,
	"pres": true, "supt": true, "atty": true, "calif": true, "fla": true, "mass": true, "wash": true,
	"ga": true, "pa": true, "va": true, "ky": true, "tenn": true, "mich": true, "ill": true, "wis": true,
	"minn": true, "ariz": true, "colo": true, "conn": true, "ind": true, "kan": true, "md": true, "mo": true,
	"nev": true, "okla": true, "ore": true, "tex": true, "n.y": true, "n.j": true, "n.c": true, "s.c": true}

// stopwords are left out of topic words.
var stopwords = map[string]bool{}

func buildStopwords() {
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at be because been
before being below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more most my myself
no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that
the their theirs them themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves said says say told tell
would could should might must may will shall one two three four five six seven eight nine ten new like get got
make made going go went gone come came take took know think want see look use used way well even back still many
much every never ever really already year years time times day days week weeks month months people thing things
lot whether though although however also mr mrs ms dr don't it's i'm we're they're that's there's can't won't
isn't wasn't didn't doesn't haven't hasn't we've i've you're he's she's let us being since last first next
according added asked called just around another told saying says stated noted
mean means meant aware need needs needed want wants wanted like likes good great sure able clear right wrong
thing things something nothing anything everything someone anyone everyone very really much many more most
less least little long high low big small large better best worse worst own true false real whole part
lot lots kind sort certain certainly actually simply already always never often still even ever also just
going gone come comes coming keep kept give given gave put puts take takes taking find found show shows
seen seem seems seemed tell tells call calls called made makes making done does doing said told asked
think thinks thought believe believes believed know knows knew known feel feels felt look looks looked
want wanted hope hoped wish wished try tried trying use used using work works worked working way ways
today tomorrow yesterday week weeks month months year years time times day days night morning
first second third last next new old other others same different such every each both either neither
mr mrs ms dr sir madam absolutely totally really quite rather pretty enough again ago away`) {
		stopwords[w] = true
	}
}

// inflect returns the forms of a verb lemma: -s, -ed and -ing, and any
// irregular past.
func inflect(v string) []string {
	forms := []string{v}
	switch {
	case strings.HasSuffix(v, "y") && !strings.ContainsAny(v[len(v)-2:len(v)-1], "aeiou"):
		forms = append(forms, v[:len(v)-1]+"ies", v[:len(v)-1]+"ied", v+"ing")
	case strings.HasSuffix(v, "e"):
		forms = append(forms, v+"s", v+"d", v[:len(v)-1]+"ing")
	case strings.HasSuffix(v, "s") || strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "x"):
		forms = append(forms, v+"es", v+"ed", v+"ing")
	default:
		forms = append(forms, v+"s", v+"ed", v+"ing")
		if n := len(v); n >= 3 && isCVC(v) {
			// beg, plead: "begged"; a short final consonant doubles
			forms = append(forms, v+v[n-1:]+"ed", v+v[n-1:]+"ing")
		}
	}
	if irr, ok := irregular[v]; ok {
		forms = append(forms, irr...)
	}
	return forms
}

// isCVC reports a one-syllable verb ending consonant-vowel-consonant.
func isCVC(v string) bool {
	n := len(v)
	vowel := func(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }
	return n <= 4 && !vowel(v[n-1]) && vowel(v[n-2]) && !vowel(v[n-3]) && !strings.ContainsAny(v[n-1:], "wxy")
}

// verbForms maps each inflected form of a speech verb to its lemma.
var verbForms = map[string]string{}

// phraseIndex maps the first word of each phrase to the phrases it starts.
var phraseIndex = map[string][]phrase{}

// relationIndex maps the first word of each relation cue to the cues.
var relationIndex = map[string][]phrase{}

type phrase struct {
	words []string
	kind  cueKind
	rel   string
}

// loadLexicon builds the tables derived from the lexicon, once, before the
// first draft. Built at init they cost every start of the program, the
// explorer's on an annotation too, about a millisecond.
func loadLexicon() {
	lexiconOnce.Do(func() {
		buildStopwords()
		buildIndexes()
	})
}

var lexiconOnce sync.Once

func buildIndexes() {
	for _, v := range speechVerbs {
		for _, f := range inflect(v) {
			if notCue[f] {
				continue
			}
			verbForms[f] = v
		}
	}
	for _, p := range phrases {
		w := strings.Fields(p.words)
		phraseIndex[w[0]] = append(phraseIndex[w[0]], phrase{words: w, kind: p.kind})
	}
	for _, r := range relationCues {
		w := strings.Fields(r.words)
		relationIndex[w[0]] = append(relationIndex[w[0]], phrase{words: w, rel: r.kind})
	}
}

// tellVerbs take a hearer before their content: "told CNN that".
var tellVerbs = map[string]bool{"tell": true, "inform": true, "notify": true, "brief": true, "remind": true,
	"assure": true, "reassure": true, "warn": true, "urge": true, "ask": true, "thank": true, "accuse": true,
	"blame": true, "praise": true, "criticize": true, "criticise": true, "congratulate": true, "promise": true}

// weakVerbs are cues only with a complement that reports: "that", a
// quotation, a colon or a comma, or a question word ("recalled how").
var weakVerbs = map[string]bool{"conclude": true, "determine": true, "decide": true, "judge": true,
	"continue": true, "figure": true, "guess": true, "project": true, "calculate": true, "forecast": true,
	"sing": true, "joke": true, "quip": true, "muse": true, "shout": true, "yell": true, "scream": true,
	"cry": true, "chant": true, "whisper": true, "mutter": true, "welcome": true, "thank": true}

// answerVerbs name an act when their object is a plain noun phrase
// ("rejected a plan", "dismissed the warning"): they report speech only
// with a complement that reports, as weakVerbs, or a statement noun with
// its clause ("dismissed the suggestion that …").
// (Denying and disputing are speech whatever their object: "denied any
// involvement".)
var answerVerbs = map[string]bool{"reject": true, "dismiss": true, "refute": true, "rebut": true, "contradict": true,
	"defend": true}

// statementNouns are the nouns that stand for what someone said.
var statementNouns = map[string]bool{"suggestion": true, "suggestions": true, "claim": true, "claims": true,
	"idea": true, "notion": true, "allegation": true, "allegations": true, "assertion": true, "assertions": true,
	"charge": true, "charges": true, "accusation": true, "accusations": true, "report": true, "reports": true,
	"argument": true, "warning": true, "warnings": true, "criticism": true, "statement": true,
	"remark": true, "remarks": true, "comment": true, "comments": true, "speculation": true, "rumor": true,
	"rumors": true, "rumour": true, "rumours": true, "theory": true, "view": true, "premise": true, "contention": true}

// timeNouns, after "this", "last" or "next", make a time that may stand
// between a source and its verb.
var timeNouns = map[string]bool{"week": true, "month": true, "year": true, "day": true, "morning": true,
	"afternoon": true, "evening": true, "night": true, "weekend": true, "summer": true, "spring": true,
	"fall": true, "autumn": true, "winter": true, "time": true}

// prepositions before a noun phrase make it no subject.
var prepositions = map[string]bool{"in": true, "on": true, "at": true, "of": true, "for": true, "with": true,
	"from": true, "during": true, "through": true, "into": true, "over": true,
	"under": true, "about": true, "against": true, "between": true, "among": true, "across": true,
	"without": true, "within": true, "toward": true, "towards": true, "via": true}

// subordinators end words that lead into a clause, never a report.
var subordinators = map[string]bool{"after": true, "before": true, "when": true, "as": true, "while": true,
	"since": true, "because": true, "if": true, "until": true, "once": true, "although": true, "though": true,
	"whereas": true, "unless": true, "where": true, "whether": true, "that": true, "than": true}

// aboutPreps are the prepositions after which a verb's object is what the
// words were about: "spoke of", "referred to".
var aboutPreps = map[string]string{"speak": " of about ", "refer": " to ", "allude": " to "}

// circumstance words open a clause of when or why after a quotation: "spoke
// ‘directly to white people’ after the shooting" quotes only the words.
var circumstance = map[string]bool{"after": true, "before": true, "when": true, "while": true, "because": true,
	"since": true, "until": true, "as": true}

// documentWords are what a text "reads": "the letter reads, “…”".
var documentWords = map[string]bool{"letter": true, "statement": true, "article": true, "post": true, "tweet": true,
	"note": true, "message": true, "headline": true, "memo": true, "release": true, "caption": true, "sign": true,
	"ad": true, "advertisement": true, "email": true, "report": true, "petition": true, "editorial": true,
	"op-ed": true, "card": true, "banner": true, "placard": true, "text": true, "document": true, "complaint": true,
	"lawsuit": true, "filing": true, "order": true, "ruling": true, "resolution": true, "bill": true, "plaque": true}

// familyWords and familySizes make a description of "a mother of three".
var familyWords = map[string]bool{"mother": true, "father": true, "grandmother": true, "grandfather": true, "parent": true}
var familySizes = map[string]bool{"two": true, "three": true, "four": true, "five": true, "six": true, "seven": true, "eight": true,
	"nine": true, "ten": true}

// newSpeech are the verbs whose words are new ones: a quotation after them
// is not the rest of the one before ("…,” she said, adding, “…”").
var newSpeech = map[string]bool{"say": true, "add": true, "ask": true, "tell": true, "reply": true, "respond": true,
	"answer": true, "continue": true, "write": true, "tweet": true, "shout": true, "yell": true, "sing": true,
	"chant": true, "declare": true, "announce": true, "warn": true, "urge": true, "insist": true, "explain": true}
