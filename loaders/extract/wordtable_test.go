package extract

import (
	"strconv"
	"testing"
)

// testWords is a map of words like the word table's, each with its own info.
func testWords() map[string]wordInfo {
	m := map[string]wordInfo{}
	for i := range 5000 {
		w := "w" + strconv.Itoa(i*7919)
		m[w] = wordInfo{id: int32(i + 1), cues: uint16(i), class: uint64(i) << 3}
	}
	for _, w := range []string{"", "a", "police", "i", "é", "’s"} {
		m[w] = wordInfo{id: int32(len(m) + 1)}
	}
	return m
}

// FuzzWordTable checks the word table against the map it was made from:
// every word finds its own info, any other string none.
func FuzzWordTable(f *testing.F) {
	m := testWords()
	t := newWordTable(m)
	for w := range m {
		f.Add(w)
	}
	f.Add("w1")
	f.Add("policeman")
	f.Fuzz(func(tt *testing.T, w string) {
		if got, want := *t.get(w), m[w]; got != want {
			tt.Fatalf("get(%q) = %+v, want %+v", w, got, want)
		}
	})
}
