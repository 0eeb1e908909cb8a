package search

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"testing"
)

func TestCursorRoundTrip(t *testing.T) {
	q := mustParse(t, "q=drones&entity=Q212")
	c := cursor{PIT: "pit-id", After: []any{json.Number("1.2345678901234567"), json.Number("1709251200000"), "abc"}, Seen: 20, Hash: queryHash(q)}
	got, err := decodeCursor(encodeCursor(c), q)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(got.After)
	if got.PIT != "pit-id" || got.Seen != 20 || string(a) != `[1.2345678901234567,1709251200000,"abc"]` {
		t.Errorf("round trip changed the cursor: %+v %s", got, a)
	}
}

func TestCursorRejects(t *testing.T) {
	q := mustParse(t, "q=drones")
	other := mustParse(t, "q=tanks")
	obj := func(s string) string { return base64.RawURLEncoding.EncodeToString([]byte(s)) }
	cases := map[string]string{
		"not base64":      "%%%",
		"not json":        obj("hello"),
		"wrong version":   obj(`{"v":99,"h":"` + queryHash(q) + `"}`),
		"object in after": obj(`{"v":1,"a":[{"x":1}],"h":"` + queryHash(q) + `"}`),
		"negative offset": obj(`{"v":1,"o":-5,"h":"` + queryHash(q) + `"}`),
		"other query":     encodeCursor(cursor{Hash: queryHash(other)}),
	}
	for name, s := range cases {
		_, err := decodeCursor(s, q)
		var pe *ParamError
		if !errors.As(err, &pe) || pe.Param != "cursor" {
			t.Errorf("%s: want a cursor ParamError, got %v", name, err)
		}
	}
}

func FuzzDecodeCursor(f *testing.F) {
	q := Query{raw: map[string][]string{"q": {"x"}}}
	f.Add(encodeCursor(cursor{PIT: "p", After: []any{json.Number("1"), "a"}, Hash: queryHash(q)}))
	f.Add(encodeCursor(cursor{Offset: 40, Hash: queryHash(q)}))
	f.Add("eyJ2IjoxfQ")
	f.Fuzz(func(t *testing.T, s string) {
		c, err := decodeCursor(s, q)
		if err != nil {
			var pe *ParamError
			if !errors.As(err, &pe) || pe.Param != "cursor" {
				t.Fatalf("non-cursor error %v", err)
			}
			return
		}
		if c.Offset < 0 || c.Seen < 0 || (len(c.After) > 0 && c.Offset > 0) {
			t.Fatalf("accepted an impossible cursor %+v", c)
		}
	})
}
