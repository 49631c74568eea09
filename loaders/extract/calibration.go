package extract

// ruleConfidence is the confidence of a fact read by each rule or pass: the
// share of its facts that matched the annotations of the 50 dev articles
// (../shared/corpus/dev; `python3 scripts/eval/calib.py BIN DIR` prints it by rule), rounded down and held
// lower where a rule read few facts there, so that a minConfidence filter
// means what it says. `score.py --calibration` prints precision by band.
// Rules not listed keep the confidence their pass gives.
var ruleConfidence = map[string]float64{
	"agency.gazetteer":          0.93,
	"agency.pattern":            0.85,
	"agency.acronym":            0.8,
	"agency.prosecutors-office": 0.8,
	"agency.demonym":            0.65,
	"arrest.figure":             0.92,
	"arrest.one":                0.85,
	"arrest.named":              0.8,
	"arrest.breakdown":          0.85,
	"seizure.figure":            0.91,
	"seizure.money":             0.9,
	"seizure.listed":            0.85,
	"seizure.list-member":       0.6, // 4 of 8: goods no list names, in a list with goods it names
	"gazetteer":                 0.94,
	"place.after-preposition":   0.85,
	"place.open-gazetteer":      0.9,  // 30 of 30
	"place.list":                0.85, // 8 of 8
	"place.direction":           0.5,  // 2 of 4: the annotations name "southwestern Germany" "Germany"
	"person.role-name":          0.9,
	"operation.word":            0.9,
}

// ruleConfidenceDefault is the confidence of a rule of rules/*.rules not
// measured on enough facts to say more.
const ruleConfidenceDefault = 0.8

// confidenceOf is the confidence of a fact read by rule.
func confidenceOf(rule string) float64 {
	if c, ok := ruleConfidence[rule]; ok {
		return c
	}
	return ruleConfidenceDefault
}
