package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
)

// cursorVersion changes when the cursor layout changes; old cursors are then
// rejected as invalid rather than misread.
const cursorVersion = 1

// cursor is what next_cursor carries, base64url-encoded JSON. It is opaque to
// clients: the point-in-time id (empty until the second page opens one), the
// sort values of the last hit (search_after) or, for collapsed results, the
// offset, and a hash of the query so that a cursor cannot be replayed against
// a different question.
type cursor struct {
	V      int    `json:"v"`
	PIT    string `json:"p,omitempty"`
	After  []any  `json:"a,omitempty"`
	Offset int    `json:"o,omitempty"`
	Seen   int    `json:"n,omitempty"`
	Hash   string `json:"h"`
}

func queryHash(q Query) string {
	sum := sha256.Sum256([]byte(q.fingerprint()))
	return hex.EncodeToString(sum[:8])
}

func encodeCursor(c cursor) string {
	c.V = cursorVersion
	b, _ := json.Marshal(c) // plain data: cannot fail
	return base64.RawURLEncoding.EncodeToString(b)
}

// decodeCursor reads a cursor for q; any problem is a *ParamError naming
// "cursor".
func decodeCursor(s string, q Query) (cursor, error) {
	bad := paramErrorf("cursor", "is not a cursor this server issued; start again from the first page")
	raw, err := base64.RawURLEncoding.DecodeString(s)
	if err != nil {
		return cursor{}, bad
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber() // keep sort values exactly as Elasticsearch sent them
	var c cursor
	if err := dec.Decode(&c); err != nil || c.V != cursorVersion || c.Offset < 0 || c.Seen < 0 {
		return cursor{}, bad
	}
	if c.Hash != queryHash(q) {
		return cursor{}, paramErrorf("cursor", "belongs to a different query; start again from the first page")
	}
	for _, v := range c.After {
		switch v.(type) {
		case json.Number, string, nil:
		default:
			return cursor{}, bad
		}
	}
	if len(c.After) > 0 && c.Offset > 0 {
		return cursor{}, bad
	}
	return c, nil
}

// String describes a cursor for logs.
func (c cursor) String() string {
	return fmt.Sprintf("cursor{pit:%t after:%d offset:%d}", c.PIT != "", len(c.After), c.Offset)
}
