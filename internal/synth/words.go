package synth

// The words the generator draws from. None holds a digit: the only numbers
// in an article are the passages' own, which is what keeps each passage
// unique. None holds a straight double quote either; the article quotes
// with curly marks.

var topics = [TopicCount][2]string{ // id, label
	{"security", "security"},
	{"economy", "the economy"},
	{"diplomacy", "diplomacy"},
	{"courts", "the courts"},
	{"media", "the media"},
	{"culture", "culture"},
	{"technology", "technology"},
	{"elections", "elections"},
}

var firstNames = []string{
	"Zoë", "José", "Anna", "Marek", "Léa", "Tomás", "Ingrid", "Kwame", "Priya", "Olu", "Søren", "Chloé",
	"Mateus", "Hana", "Dmitri", "Aisha", "Björn", "Lucía", "Nikolai", "Fatima", "Élodie", "Rafael", "Mei", "Jonas",
}

var lastNames = []string{
	"Ångström", "Álvarez", "Novak", "Dubois", "Okafor", "Müller", "Kowalski", "Haddad", "Sørensen", "Nakamura", "Costa",
	"Öztürk", "Ivanova", "Mensah", "Lindqvist", "García", "Brennan", "Petrović", "Moreau", "Singh", "Fischer", "Nguyễn",
}

var agencyNames = []string{
	"Agência Noticiosa Central", "the Central News Agency", "Radio Nord", "the People’s Broadcaster", "Télé Libre",
}

var organisationNames = []string{
	"the Cinema Owners’ Association", "the Ministry of Culture", "the Digital Rights League", "the Studio Workers’ Union",
}

var groupNames = []string{
	"the hackers", "the protesters", "the Guardians of Peace", "the residents’ committee",
}

var officialRoles = []string{
	"Minister of Culture", "Senator", "Spokesman for the foreign ministry", "Deputy mayor", "Chief prosecutor",
	"Ambassador to the United Nations", "Head of the cyber-security agency",
}

var personRoles = []string{
	"Chief executive of the studio", "Film director", "Cyber-security researcher", "Lawyer for the studio",
	"Professor of international law", "Cinema owner", "Actor in the film", "Former diplomat",
}

// numberedQuotes take the passage's number and a unit.
var numberedQuotes = []string{
	"We have counted %d %s since the attack began.",
	"I was told about %d %s before anyone called us.",
	"Our engineers found %d %s in a single week.",
	"They sent us %d %s and not one of them was signed.",
	"Nobody mentions the %d %s that went missing last month.",
	"This government has received %d %s and answered every one.",
	"There were %d %s on the table when the decision was made.",
	"We lost %d %s because of a decision taken in a hurry.",
	"I have personally read %d %s, and they all say the same thing.",
	"The studio’s own lawyers sent %d %s to the wrong address.",
}

var units = []string{
	"threats", "emails", "files", "complaints", "messages", "warnings", "contracts", "letters", "reports", "demands",
}

// A statement is an opener now and then, a subject and a predicate that
// goes with any of them.
var openers = []string{
	"Frankly,", "Let me be clear:", "To be honest,", "As I said before,", "In our view,", "Believe me,",
	"Once again,", "For the record,", "Make no mistake:", "Whatever they say,",
}

var subjects = []string{
	"we", "nobody in this building", "the studio", "our lawyers", "this government", "the other side", "the public",
	"the café owners", "our engineers", "the ministry", "the president", "my colleagues", "the investigators",
	"ordinary people", "the cinemas", "the hackers", "the agency", "our partners", "the embassy", "the press",
}

var predicates = []string{
	"did nothing wrong", "will not be intimidated by anyone", "never consulted us about any of this",
	"made the decision under pressure", "should look at their own record first", "would still like the public to see this film",
	"saw everything from the Rue de l’Église", "trusted due process, call it naïve",
	"asked for the full report weeks ago", "produced no evidence at all", "knew there would be consequences",
	"will not apologise for telling the truth", "lived through the last crisis, and it was déjà vu",
	"deserve better than this", "will take months, not days, to get to the bottom of it", "misreported what happened next from the start",
	"cannot accept this, not now and not ever", "knew what was coming but didn’t say it out loud", "never saw a single one of those documents",
	"would make the same choice again tomorrow", "heard a very different story on Friday night", "called the White House long before any of this",
	"will answer every question in court", "kept every email, and they show the truth", "owe nobody an apology",
}

// emojiStatements are the odd line quoted from a post online.
var emojiStatements = []string{
	"Stay strong, everyone 💪",
	"Thank you all for the support 🙏",
	"We’re not going anywhere 🎬",
}

// reportedNumbered are paraphrases: the clause a source sentence reports
// ("X said …") and the statement in the annotator's words, each taking the
// number and a unit.
var reportedNumbered = []struct{ reported, text string }{
	{"the studio had counted %d %s since the attack began", "The studio has counted %d %s since the attack began."},
	{"her ministry had received %d %s and answered every one", "Her ministry received %d %s and answered them all."},
	{"investigators had found %d %s in a single week", "Investigators found %d %s in one week."},
	{"the company had lost %d %s because of a decision taken in a hurry", "A hasty decision cost the company %d %s."},
	{"the agency had been sent %d %s, none of them signed", "The agency was sent %d unsigned %s."},
	{"there had been %d %s on the table when the decision was made", "There were %d %s on the table at the time of the decision."},
	{"his office had checked %d %s and found nothing untoward", "Nothing untoward turned up in %d %s his office checked."},
}

var reportedStatements = []struct{ reported, text string }{
	{"nobody had consulted them", "Nobody consulted them."},
	{"the evidence pointed somewhere else entirely", "The evidence points elsewhere."},
	{"the decision had been made under pressure", "The decision was made under pressure."},
	{"the public had not been told the whole story", "The public does not know the whole story."},
	{"they would not be intimidated", "They will not be intimidated."},
	{"talks could resume, but not on those terms", "Talks may resume on other terms."},
	{"the café’s owners had seen everything", "The café’s owners saw it all."},
}

var replyKinds = []string{"rebuts", "denies", "contradicts", "qualifies", "responds"}

var relationKinds = []string{"rebuts", "denies", "contradicts", "qualifies", "supports", "responds"}

var venues = [][2]string{ // as the article says it, as the annotation records it
	{"told CNN", "CNN"},
	{"told the BBC", "BBC"},
	{"told Le Monde", "Le Monde"},
	{"told reporters", "press briefing"},
	{"said at a press conference", "press conference"},
	{"said on state television", "state television"},
	{"said in a radio interview", "radio interview"},
}

var whens = [][2]string{
	{"on Friday night", "Friday night"},
	{"on Saturday", "Saturday"},
	{"on Monday morning", "Monday morning"},
	{"late on Sunday", "late Sunday"},
	{"earlier this week", "earlier this week"},
}

// filler sentences stand between the claims, as a reporter's prose does.
var filler = []string{
	"The row shows no sign of ending.",
	"Neither side has produced evidence in public.",
	"The studio declined to comment further.",
	"The dispute has drawn in governments on three continents.",
	"Officials have been careful not to name anyone directly.",
	"The affair began with a leak of internal files.",
	"Cinemas across the country are watching closely.",
	"Diplomats say privately that the exchange has gone too far.",
	"The café at the centre of the story has since closed its doors.",
	"Analysts are divided over what happens next.",
}
