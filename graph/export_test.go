package graph_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	_ "github.com/cayleygraph/cayley/graph/kv/bbolt"
	_ "github.com/cayleygraph/cayley/graph/memstore"

	"github.com/opgraph/opgraph/graph"
)

func exportStore(t *testing.T, cfg graph.Config) *graph.Store {
	t.Helper()
	s, err := graph.Open(context.Background(), cfg)
	if err != nil {
		t.Fatalf("Open(%+v): %v", cfg, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// exportFacts is one article: an agency runs an operation in a place, with
// an arrest figure, and a spokesperson.
func exportFacts() graph.ArticleFacts {
	art := graph.ArticleID("https://news.example/op-harbour", "")
	ev := func(start int, claims ...graph.Prop) []graph.Evidence {
		return []graph.Evidence{{Sentence: "The Example Police said 12 people were arrested in Operation Harbour in Portville.",
			Start: start, End: start + 80, Confidence: 0.9, Claims: claims}}
	}
	agency := graph.EntityID(graph.KindAgency, "Example Police")
	op := graph.EntityID(graph.KindOperation, "Harbour")
	place := graph.EntityID(graph.KindPlace, "Portville")
	person := graph.EntityID(graph.KindPerson, "Jo Bloggs")
	return graph.ArticleFacts{
		Article: graph.Article{ID: art, Title: "Twelve held", URL: "https://news.example/op-harbour", Published: "2024-01-02", Source: "Example News"},
		Nodes: []graph.Node{
			{ID: agency, Kind: graph.KindAgency, Props: []graph.Prop{{Pred: graph.PredName, Value: "Example Police"}, {Pred: graph.PredCountry, Value: "GB"}}, Evidence: ev(0)},
			{ID: op, Kind: graph.KindOperation, Props: []graph.Prop{{Pred: graph.PredName, Value: "Harbour"}}, Evidence: ev(0)},
			{ID: place, Kind: graph.KindPlace, Props: []graph.Prop{{Pred: graph.PredName, Value: "Portville"}}, Evidence: ev(0)},
			{ID: person, Kind: graph.KindPerson, Props: []graph.Prop{{Pred: graph.PredName, Value: "Jo Bloggs"}}, Evidence: ev(100, graph.Prop{Pred: graph.PredRole, Value: "Chief Inspector"})},
			{ID: graph.RelationID(graph.RelOperationAgency, op, agency), Kind: graph.KindRelation, Props: []graph.Prop{
				{Pred: graph.PredRel, Value: graph.RelOperationAgency}, {Pred: graph.PredFrom, Value: op}, {Pred: graph.PredTo, Value: agency}}, Evidence: ev(0)},
			{ID: graph.RelationID(graph.RelPersonOrg, person, agency), Kind: graph.KindRelation, Props: []graph.Prop{
				{Pred: graph.PredRel, Value: graph.RelPersonOrg}, {Pred: graph.PredFrom, Value: person}, {Pred: graph.PredTo, Value: agency}}, Evidence: ev(100)},
			{ID: graph.FactID(graph.KindArrest, "12"), Kind: graph.KindArrest, Props: []graph.Prop{
				{Pred: graph.PredCount, Value: 12.0}, {Pred: graph.PredQualifier, Value: "exact"},
				{Pred: graph.PredAgency, Value: agency}, {Pred: graph.PredOperation, Value: op}, {Pred: graph.PredPlace, Value: place}},
				Evidence: ev(0, graph.Prop{Pred: graph.PredDate, Value: "on Tuesday"})},
		},
	}
}

func allQuads(t *testing.T, s *graph.Store) []string {
	t.Helper()
	var buf bytes.Buffer
	if _, err := s.WriteNQuads(context.Background(), &buf); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	sort.Strings(lines)
	return lines
}

func TestNQuadsRoundTrip(t *testing.T) {
	ctx := context.Background()
	src := exportStore(t, graph.Config{Backend: "bbolt", Addr: t.TempDir()})
	if _, _, err := src.WriteArticle(ctx, exportFacts()); err != nil {
		t.Fatal(err)
	}
	var dump bytes.Buffer
	n, err := src.WriteNQuads(ctx, &dump)
	if err != nil || n == 0 {
		t.Fatalf("WriteNQuads = %d, %v", n, err)
	}
	dst := exportStore(t, graph.Config{Backend: "memstore"})
	added, err := dst.ImportNQuads(ctx, "dump.nq", bytes.NewReader(dump.Bytes()), graph.ImportOptions{})
	if err != nil || added != n {
		t.Fatalf("ImportNQuads = %d, %v; want %d", added, err, n)
	}
	if got, want := allQuads(t, dst), allQuads(t, src); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("quads differ after the round trip:\ngot  %v\nwant %v", got, want)
	}
	again, err := dst.ImportNQuads(ctx, "dump.nq", bytes.NewReader(dump.Bytes()), graph.ImportOptions{})
	if err != nil || again != 0 {
		t.Errorf("second import = %d, %v; want 0 new", again, err)
	}
	// The imported graph reads like the original: an article rewritten on
	// top of it changes nothing.
	a, r, err := dst.WriteArticle(ctx, exportFacts())
	if err != nil || a != 0 || r != 0 {
		t.Errorf("WriteArticle on the imported graph = +%d -%d, %v; want no change", a, r, err)
	}
}

func TestImportNQuadsBadInput(t *testing.T) {
	ctx := context.Background()
	cases := []struct{ name, in, want string }{
		{"not a quad", "<opg:a> <opg:b> \"c\" .\nnonsense\n", "in.nq:2: invalid"},
		{"literal subject", "\"a\" <opg:b> \"c\" .\n", "in.nq:1: invalid"},
		{"truncated", "<opg:a> <opg:b> \"c", "in.nq:1: invalid"},
		// Past the first transaction's worth of quads, with a quad twice and
		// one the article wrote: all taken back once, or not at all.
		{"repeats", manyQuads(12000) + manyQuads(3) + "<opg:a> <opg:b> \"c\" .\nnonsense\n", "in.nq:12005: invalid"},
	}
	stores := []struct {
		name    string
		cfg     func(t *testing.T) graph.Config
		article bool
	}{
		{"empty memstore", func(*testing.T) graph.Config { return graph.Config{Backend: "memstore"} }, false},
		{"empty bolt", func(t *testing.T) graph.Config { return graph.Config{Backend: "bbolt", Addr: t.TempDir()} }, false},
		{"memstore with an article", func(*testing.T) graph.Config { return graph.Config{Backend: "memstore"} }, true},
		{"bolt with an article", func(t *testing.T) graph.Config { return graph.Config{Backend: "bbolt", Addr: t.TempDir()} }, true},
	}
	for _, st := range stores {
		for _, tc := range cases {
			t.Run(st.name+"/"+tc.name, func(t *testing.T) {
				s := exportStore(t, st.cfg(t))
				if st.article {
					if _, _, err := s.WriteArticle(ctx, exportFacts()); err != nil {
						t.Fatal(err)
					}
				}
				quadsBefore, statsBefore := allQuads(t, s), storeStats(t, s)
				n, err := s.ImportNQuads(ctx, "in.nq", strings.NewReader(tc.in), graph.ImportOptions{})
				if err == nil || !strings.HasPrefix(err.Error(), tc.want) || !errors.Is(err, graph.ErrInvalid) || n != 0 {
					t.Errorf("ImportNQuads = %d, %v; want an error starting %q", n, err, tc.want)
				}
				// all or nothing, the counts included
				if q := allQuads(t, s); !slices.Equal(q, quadsBefore) {
					t.Errorf("a failed import changed the quads: %d before, %d after", len(quadsBefore), len(q))
				}
				if got := storeStats(t, s); !reflect.DeepEqual(got, statsBefore) {
					t.Errorf("Stats after a failed import = %+v; want %+v", got, statsBefore)
				}
			})
		}
	}
}

func storeStats(t *testing.T, s *graph.Store) graph.Stats {
	t.Helper()
	st, err := s.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// manyQuads is n distinct quads, one a line, of a subject each (Bolt
// rewrites a node's whole index entry for each quad added to it).
func manyQuads(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "<opg:a%d> <opg:b> \"%d\" .\n", i, i)
	}
	return b.String()
}

func TestImportNQuadsAddsOnlyWhatIsNew(t *testing.T) {
	ctx := context.Background()
	s := exportStore(t, graph.Config{Backend: "memstore"})
	dump := manyQuads(25000) // three transactions
	half := dump[:strings.Index(dump, `<opg:a12000> `)]
	for _, step := range []struct {
		name string
		in   string
		want int
	}{
		{"first half", half, 12000},
		{"all of it", dump, 13000},
		{"again", dump, 0},
	} {
		added, err := s.ImportNQuads(ctx, "in.nq", strings.NewReader(step.in), graph.ImportOptions{})
		if err != nil || added != step.want {
			t.Fatalf("%s: ImportNQuads = %d, %v; want %d new", step.name, added, err, step.want)
		}
	}
	if got := len(allQuads(t, s)); got != 25000 {
		t.Errorf("the store holds %d quads; want 25000", got)
	}
}

func TestExportFormats(t *testing.T) {
	ctx := context.Background()
	s := exportStore(t, graph.Config{Backend: "memstore"})
	if _, _, err := s.WriteArticle(ctx, exportFacts()); err != nil {
		t.Fatal(err)
	}
	ents, err := s.Entities(ctx)
	if err != nil {
		t.Fatal(err)
	}

	t.Run("jsonld", func(t *testing.T) {
		var buf bytes.Buffer
		if err := graph.WriteJSONLD(&buf, ents); err != nil {
			t.Fatal(err)
		}
		var doc struct {
			Graph []map[string]json.RawMessage `json:"@graph"`
		}
		if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
			t.Fatalf("not JSON: %v", err)
		}
		if len(doc.Graph) != len(ents) {
			t.Errorf("%d nodes in @graph, want %d", len(doc.Graph), len(ents))
		}
		if !strings.Contains(buf.String(), `"@id": "opg:agency/example-police"`) ||
			!strings.Contains(buf.String(), `"@type": "http://www.w3.org/2001/XMLSchema#double"`) {
			t.Errorf("JSON-LD lacks the agency or a typed number:\n%s", buf.String())
		}
	})

	t.Run("csv", func(t *testing.T) {
		var buf bytes.Buffer
		if err := graph.WriteCSV(&buf, graph.KindArrest, ents); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(&buf).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		if len(recs) != 2 {
			t.Fatalf("arrest table has %d rows, want header + 1:\n%v", len(recs), recs)
		}
		row := map[string]string{}
		for i, h := range recs[0] {
			row[h] = recs[1][i]
		}
		for col, want := range map[string]string{"count": "12", "agency_name": "Example Police",
			"operation_name": "Harbour", "place_name": "Portville", "date": "on Tuesday"} {
			if row[col] != want {
				t.Errorf("column %s = %q, want %q (row %v)", col, row[col], want, row)
			}
		}
	})

	t.Run("ftm", func(t *testing.T) {
		byID := map[string]graph.FtMEntity{}
		schemas := map[string]int{}
		for _, e := range graph.FtM(ents) {
			byID[e.ID] = e
			schemas[e.Schema]++
		}
		want := map[string]int{"Document": 1, "Organization": 1, "Person": 1, "Address": 1, "Event": 2, "Membership": 1, "UnknownLink": 1}
		for k, n := range want {
			if schemas[k] != n {
				t.Errorf("%d %s entities, want %d (all: %v)", schemas[k], k, n, schemas)
			}
		}
		op := byID["opg-operation-harbour"]
		if op.Schema != "Event" || strings.Join(op.Properties["organizer"], ",") != "opg-agency-example-police" ||
			strings.Join(op.Properties["name"], ",") != "Operation Harbour" || len(op.Properties["proof"]) != 1 {
			t.Errorf("operation as FtM: %+v", op)
		}
		if p := byID["opg-person-jo-bloggs"]; strings.Join(p.Properties["position"], ",") != "Chief Inspector" {
			t.Errorf("person as FtM: %+v", p)
		}
		for _, e := range byID {
			for prop, vals := range e.Properties {
				for _, v := range vals {
					if strings.HasPrefix(v, "opg-") && byID[v].ID == "" && prop != "notes" {
						t.Errorf("%s.%s refers to %s, which is not exported", e.ID, prop, v)
					}
				}
			}
		}
	})
}

func FuzzParseNQuads(f *testing.F) {
	f.Add([]byte("<opg:a> <opg:b> \"c\" .\n<opg:a> <opg:n> \"1.5\"^^<http://www.w3.org/2001/XMLSchema#double> .\n"))
	f.Add([]byte("_:b <opg:b> <opg:c> <opg:g> .\n# comment\n\n"))
	f.Add([]byte("<opg:a> <opg:b> \"caf\\u00e9\"@fr ."))
	f.Fuzz(func(t *testing.T, data []byte) {
		qs, err := graph.ParseNQuads("fuzz.nq", bytes.NewReader(data))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.nq") {
				t.Fatalf("error %q does not name the file", err)
			}
			return
		}
		for _, q := range qs {
			if !q.IsValid() {
				t.Fatalf("invalid quad %v returned", q)
			}
		}
	})
}
