package schema

import (
	"sync"

	"github.com/graphql-go/graphql/language/ast"
	"github.com/hashicorp/golang-lru/v2/simplelru"
)

// docCache holds queries already parsed, validated and within the limits,
// by their text: a dashboard asks the same few again and again, and
// validation cost four times the execution of a node lookup. It is
// bounded by the memory its syntax trees take, estimated from their tokens.
type docCache struct {
	mu       sync.Mutex
	lru      *simplelru.LRU[string, cachedDoc]
	size     int64 // estimated bytes held
	maxBytes int64
}

type cachedDoc struct {
	doc  *ast.Document
	size int64
}

// astPerToken is how many bytes of syntax tree graphql-go builds per token
// of query text, a little above the most measured: 212 for one-letter
// fields, 93 for aliased connections with arguments (docs/security.md).
const astPerToken = 256

// docSize estimates the memory a parsed query takes.
func docSize(query string, tokens int) int64 { return int64(len(query)) + int64(tokens)*astPerToken }

func newDocCache(maxBytes int64) *docCache {
	c := &docCache{maxBytes: maxBytes}
	// The entry count is no limit of its own: bytes are.
	c.lru, _ = simplelru.NewLRU(1<<30, func(_ string, d cachedDoc) { c.size -= d.size })
	return c
}

func (c *docCache) get(query string) (*ast.Document, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	d, ok := c.lru.Get(query)
	return d.doc, ok
}

// add keeps doc unless it alone would take more than a tenth of the cache.
func (c *docCache) add(query string, doc *ast.Document, tokens int) {
	n := docSize(query, tokens)
	if n > c.maxBytes/10 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.lru.Contains(query) {
		return
	}
	c.lru.Add(query, cachedDoc{doc, n})
	c.size += n
	for c.size > c.maxBytes {
		c.lru.RemoveOldest()
	}
}

// bytes is the estimated memory the cache holds.
func (c *docCache) bytes() int64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.size
}
