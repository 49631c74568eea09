package schema_test

import (
	"sync"
	"testing"
)

// TestConcurrentFirstQueriesWithEnums sends the first queries a server
// sees, each with enum arguments, at once, as a dashboard does; under
// -race it fails if graphql-go's enum tables are still built on first use.
func TestConcurrentFirstQueriesWithEnums(t *testing.T) {
	f := seeded(t)
	var wg sync.WaitGroup
	for _, measure := range []string{"ARREST_COUNT", "SEIZURE_COUNT", "OPERATION_COUNT", "SEIZED_KG", "ARREST_COUNT", "SEIZURE_COUNT"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res := f.do(t, "", `{ aggregate(measure: `+measure+`, groupBy: AGENCY, first: 3) { key } }`, nil)
			if len(res.Errors) > 0 {
				t.Errorf("%s: %v", measure, res.Errors)
			}
		}()
	}
	wg.Wait()
}
