package extract

import (
	"hash/maphash"
	"math/bits"
)

// wordTable is the extractor's word table: what each lower-cased word
// starts or belongs to (wordInfo), looked up once for every token of every
// sentence. It is a map made once and then only read, by open addressing
// over a power-of-two array of slots at most half full: a look-up hashes
// the word once and mostly compares one key, where a Go map's look-up cost
// twice as much here.
type wordTable struct {
	seed  maphash.Seed
	slots []wordSlot
	keys  []string
	infos []wordInfo
}

// wordSlot is one place of the table: the word's hash and its index in
// keys and infos plus one, or 0 where the slot is empty.
type wordSlot struct {
	hash uint32
	idx  uint32
}

// newWordTable makes the table of a map's words.
func newWordTable(words map[string]wordInfo) *wordTable {
	t := &wordTable{seed: maphash.MakeSeed()}
	size := 1 << bits.Len(uint(2*len(words)+1))
	t.slots = make([]wordSlot, size)
	for _, w := range sortedKeys(words) {
		h := maphash.String(t.seed, w)
		t.keys = append(t.keys, w)
		t.infos = append(t.infos, words[w])
		for i := h & uint64(size-1); ; i = (i + 1) & uint64(size-1) {
			if t.slots[i].idx == 0 {
				t.slots[i] = wordSlot{hash: uint32(h >> 32), idx: uint32(len(t.keys))}
				break
			}
		}
	}
	return t
}

// get returns what the table holds of w, or the zero wordInfo.
func (t *wordTable) get(w string) *wordInfo {
	h := maphash.String(t.seed, w)
	mask := uint64(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := t.slots[i]
		if s.idx == 0 {
			return &noWordInfo
		}
		if s.hash == uint32(h>>32) && t.keys[s.idx-1] == w {
			return &t.infos[s.idx-1]
		}
	}
}

// noWordInfo is what the table holds of a word it lacks. Callers must not change it.
var noWordInfo wordInfo
