package extract

import (
	"strings"

	"github.com/opgraph/opgraph/graph"
)

// AgencyRole is what the article says an agency did in an operation: led
// it, took part, supported it, or only announced it. Agencies named only
// as supporting or announcing are not among the operation's Agencies.
type AgencyRole struct {
	Agency   string `json:"agency"`
	Role     string `json:"role"` // graph.RoleLed, RoleTookPart, RoleSupported or RoleAnnounced
	Evidence []Span `json:"evidence"`
}

// roleRank orders roles, strongest first: an agency that supported in one
// sentence and made the arrests in another took part.
var roleRank = map[string]int{graph.RoleLed: 0, graph.RoleTookPart: 1, graph.RoleSupported: 2, graph.RoleAnnounced: 3}

// Actor reports whether role is one of an operation's actors.
func Actor(role string) bool { return role == graph.RoleLed || role == graph.RoleTookPart }

// ledPhrases before an agency say it led the work.
var ledPhrases = []string{"led by", "headed by", "spearheaded by", "directed by", "run by", "launched by",
	"leadership of", "direction of", "organized by", "organised by"}

// leadVerbs after an agency say it led the work ("the FBI led", "the NCA launched").
var leadVerbs = wordSet("led leads leading ran runs spearheaded headed heads directed launched launches")

// agencyRole reads what sentence sf says agency mention a did in the
// operation it names. It agrees with operationAgencies: the agencies it
// leaves out are announced or supported here, the rest led or took part.
func agencyRole(r *run, sf *sentenceFacts, a mention) string {
	before := strings.ToLower(sf.s.Text[max(0, a.Start-40):a.Start])
	switch {
	case strings.Contains(before, "assisted by") || strings.Contains(before, "with the help of") || strings.Contains(before, "supported by") ||
		endsWithPhrase(sf.low[:a.Start], fundPhrases):
		return graph.RoleSupported
	case saysSo(sf, a):
		return graph.RoleAnnounced
	case endsWithWords(sf.low[:a.Start], ledPhrases) || strings.HasPrefix(sf.low[a.End:], "-led") || sf.verbAfter(a, leadVerbs, supportAux):
		return graph.RoleLed
	case r.supportsOnly(sf, a):
		return graph.RoleSupported
	}
	return graph.RoleTookPart
}

// sentenceRoles is the role sentence sf gives each agency it names, in
// the order of sf.agencies: agencyRole's, shared along a list where one
// of its names has a role and the others only took part, as agencyRole
// reads the words right before or after one name only. A name's alias in
// brackets is one such list ("the European Union Agency for Law
// Enforcement Cooperation (Europol) supported"), as are names joined by
// "and" or commas ("the FBI and the DEA led", "led by the FBI and the DEA").
func sentenceRoles(r *run, sf *sentenceFacts) []string {
	roles := make([]string, len(sf.agencies))
	for i, a := range sf.agencies {
		roles[i] = agencyRole(r, sf, a)
	}
	joined := func(i int) bool { // sf.agencies[i] and [i+1] are one list
		return listJoint(sf.s.Text[sf.agencies[i].End:sf.agencies[i+1].Start])
	}
	share := func(to, from int) {
		if roles[to] == graph.RoleTookPart && roles[from] != graph.RoleTookPart {
			roles[to] = roles[from]
		}
	}
	for i := len(roles) - 2; i >= 0; i-- { // a verb after the list
		if joined(i) {
			share(i, i+1)
		}
	}
	for i := 1; i < len(roles); i++ { // a phrase before it
		if joined(i - 1) {
			share(i, i-1)
		}
	}
	return roles
}

// listJoint reports whether gap, the text between two names, joins them
// in one list: "and", a comma or ", and", maybe before "the", or nothing
// at all, once what brackets hold is set aside ("(PFIPC), the" is ", the";
// "Europol) and", closing an alias opened before gap, is " and").
func listJoint(gap string) bool {
	var words [4]string // outside brackets: words and commas, in order
	n, depth, start := 0, 0, -1
	add := func(w string) bool {
		if n == len(words) {
			return false
		}
		words[n] = w
		n++
		return true
	}
	for i := 0; i <= len(gap); i++ {
		c := byte(' ')
		if i < len(gap) {
			c = gap[i]
		}
		inWord := depth == 0 && c != ' ' && c != ',' && c != '(' && c != ')' && c != '\n' && c != '\t'
		if inWord {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if !add(gap[start:i]) {
				return false
			}
			start = -1
		}
		switch {
		case c == '(':
			depth++
		case c == ')' && depth > 0:
			depth--
		case c == ')':
			n = 0 // closing what opened before gap
		case c == ',' && depth == 0:
			if !add(",") {
				return false
			}
		}
	}
	if n > 0 && strings.EqualFold(words[n-1], "the") {
		n--
	}
	switch n {
	case 0:
		return true
	case 1:
		return words[0] == "," || strings.EqualFold(words[0], "and")
	case 2:
		return words[0] == "," && strings.EqualFold(words[1], "and")
	}
	return false
}

// noteRole records that agency played role in op, as ev states: the
// strongest role an article gives an agency is its role, with the
// sentences that give it.
func (op *Operation) noteRole(agency, role string, ev ...Span) {
	for k := range op.Roles {
		ar := &op.Roles[k]
		if ar.Agency != agency {
			continue
		}
		switch {
		case roleRank[role] < roleRank[ar.Role]:
			ar.Role, ar.Evidence = role, append([]Span(nil), ev...)
		case role == ar.Role:
			for _, s := range ev {
				if !hasSpan(ar.Evidence, s) {
					ar.Evidence = append(ar.Evidence, s)
				}
			}
		}
		return
	}
	op.Roles = append(op.Roles, AgencyRole{Agency: agency, Role: role, Evidence: append([]Span(nil), ev...)})
}

// noteRoles records the role sentence sf gives each agency it names in
// the operation om names. Of several operations, an agency led the one
// named nearest it: "Ironside was part of Trojan Shield, led by the FBI".
func (r *run) noteRoles(op *Operation, sf *sentenceFacts, om mention) {
	for i, role := range sentenceRoles(r, sf) {
		a := sf.agencies[i]
		if role == graph.RoleLed && nearestMention(sf.operations, a) != om {
			role = graph.RoleTookPart
		}
		op.noteRole(a.Name, role, r.span(sf, 0.8))
	}
}

// nearestMention is the mention of ms nearest to a in its sentence.
func nearestMention(ms []mention, a mention) mention {
	best, bestGap := mention{}, -1
	for _, m := range ms {
		gap := max(a.Start-m.End, m.Start-a.End)
		if bestGap < 0 || gap < bestGap {
			best, bestGap = m, gap
		}
	}
	return best
}

// settleRoles gives each of an operation's agencies a role: one the text
// gave none (the agency spoken of before the operation is named) took part,
// as the sentences that name the operation say; so did one that only
// announced it here, as the operation's agency.
func (r *run) settleRoles() {
	for i := range r.out.Operations {
		op := &r.out.Operations[i]
		for _, a := range op.Agencies {
			// An operation's own agency announcing its results took part.
			if r := op.role(a); r == "" || r == graph.RoleAnnounced {
				op.noteRole(a, graph.RoleTookPart, op.Evidence...)
			}
		}
	}
}

// role is the role op.Roles gives agency, or "".
func (op *Operation) role(agency string) string {
	for _, ar := range op.Roles {
		if ar.Agency == agency {
			return ar.Role
		}
	}
	return ""
}

// endsWithWords is endsWithPhrase with the phrase a whole word: "enabled
// by" does not end with "led by".
func endsWithWords(low string, phrases []string) bool {
	before := strings.TrimRight(strings.TrimSuffix(strings.TrimRight(low, " "), "the"), " ")
	for _, p := range phrases {
		if rest, ok := strings.CutSuffix(before, p); ok && (rest == "" || !isWordASCII(rest[len(rest)-1])) {
			return true
		}
	}
	return false
}

func hasSpan(spans []Span, s Span) bool {
	for _, o := range spans {
		if o.Start == s.Start && o.End == s.End {
			return true
		}
	}
	return false
}
