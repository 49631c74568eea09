package extract

import (
	"regexp"
	"strings"

	"github.com/opgraph/opgraph/graph"
)

// An article often tells of a coordinated action it gives no name: "A
// joint investigation team ... has dismantled EncroChat. Europol and
// Eurojust supported the investigation." So that exploration finds the
// agencies it names, supporters included, such an article gets one
// operation with no name (as the annotations have it,
// ../shared/eval/ANNOTATION.md), holding the agencies its sentences give
// a role, the platform it took down and its places. The graph keeps it
// under its article's own IRI (Facts).

// actionWords are the words of a sentence that tells of a coordinated
// action: the investigation, the operation, the raids.
var actionWords = wordSet("investigation investigations investigative operation operations probe probes inquiry crackdown sting raid raids takedown swoop")

// actionPhrases tell of one too: what the agencies did, or to what.
var actionPhrases = []string{"carried out", "conducted", "action day", "joint action", "shut down", "taken down", "took down", "dismantled"}

// actionCueWords are the words a sentence telling of an action holds one
// of: actionWords and the first words of actionPhrases.
var actionCueWords = func() map[string]bool {
	m := wordSet(strings.Join(firstWords(actionPhrases), " "))
	for w := range actionWords {
		m[w] = true
	}
	return m
}()

// tellsOfAction reports whether sentence sf speaks of a coordinated action.
func tellsOfAction(sf *sentenceFacts) bool {
	if sf.cues&cueAction == 0 {
		return false // no word of one: most sentences
	}
	for _, t := range sf.toks {
		if actionWords[t.Lower] {
			return true
		}
	}
	return containsAny(sf.low, actionPhrases)
}

// unnamedOperation adds the article's unnamed operation, where it tells
// of an action in sentences that name none: before the first that names
// an operation (after it, "the investigation" is the named one), not
// looking back to an earlier time, with an agency whose role they give
// (agencyRole). Each such agency has that role in it; so do the agencies
// that made the figures no named operation holds (they took part). Its
// targets are the platforms its sentences name, else the article's only
// one; its places those its sentences name.
func (r *run) unnamedOperation() {
	r.rule = "operation.unnamed"
	op := Operation{}
	end := len(r.sents) // the sentences before the first naming an operation
	for k, sf := range r.sents {
		if len(sf.operations) > 0 {
			if namesActionTold(sf) {
				return // the action told of so far is this operation
			}
			end = k
			break
		}
	}
	tells := func(sf *sentenceFacts) bool { return tellsOfAction(sf) && !r.isHistoric(sf) }
	// Roles first: only a sentence naming an agency gives one, and most
	// articles give none, so most sentences are not read twice.
	for _, sf := range r.sents[:end] {
		if len(sf.agencies) == 0 || !tells(sf) {
			continue
		}
		for i, role := range sentenceRoles(r, sf) {
			a := sf.agencies[i]
			op.noteRole(a.Name, role, r.span(sf, 0.6))
			if Actor(role) && !contains(op.Agencies, a.Name) {
				op.Agencies = append(op.Agencies, a.Name)
			}
		}
	}
	if len(op.Roles) == 0 {
		return // no agency the text says acted in it
	}
	var told []*sentenceFacts // the sentences telling of the action
	for _, sf := range r.sents[:end] {
		if tells(sf) {
			told = append(told, sf)
		}
	}
	for _, named := range r.out.Operations {
		for _, ar := range op.Roles {
			if named.role(ar.Agency) != "" {
				return // told of before its name: "INTERPOL's crackdown ... Codenamed First Light, the operation ..."
			}
		}
	}
	for _, sf := range told {
		op.Evidence = append(op.Evidence, r.span(sf, 0.6))
		if op.EventDate.Source == nil || !op.EventDate.fromText() && len(sf.dates) > 0 {
			op.EventDate = r.eventDate(sf, 0)
		}
		op.addTargetsAndPlaces(sf)
	}
	if len(op.Targets) == 0 && len(r.out.Platforms) == 1 {
		op.Targets = []string{r.out.Platforms[0].Name}
	}
	actor := func(agency *string, context bool, ev []Span) {
		if agency == nil || context {
			return
		}
		if !contains(op.Agencies, *agency) {
			op.Agencies = append(op.Agencies, *agency)
		}
		op.noteRole(*agency, graph.RoleTookPart, ev...)
	}
	for _, a := range r.out.Arrests {
		if a.Operation == nil {
			actor(a.Agency, a.Context, a.Evidence)
		}
	}
	for _, s := range r.out.Seizures {
		if s.Operation == nil {
			actor(s.Agency, s.Context, s.Evidence)
		}
	}
	r.out.Operations = append(r.out.Operations, op)
}

// actionNamedRe is how a sentence names the action told of before it:
// "The combined effort was called Operation ...", "This joint
// investigation, dubbed ...".
var actionNamedRe = regexp.MustCompile(`^(?:The|This|That)\s+(?:[\w-]+\s+){0,3}?(?:effort|operation|investigation|action|takedown|probe|inquiry|crackdown|sting|case|campaign)\b`)

// namesActionTold reports whether the first sentence sf that names an
// operation opens by naming the action told of before it, naming no
// agency on the way (which would make it that agency's part: "the NCA's
// response").
func namesActionTold(sf *sentenceFacts) bool {
	first := sf.operations[0].Start
	for _, a := range sf.agencies {
		if a.Start < first {
			return false
		}
	}
	return actionNamedRe.MatchString(sf.s.Text[:first])
}
