package entities

import "testing"

// TestEdgeTable checks the edge table against the map it is built from,
// for the keys in it and for keys next to them.
func TestEdgeTable(t *testing.T) {
	m := make(map[uint64]int32)
	for node := uint64(0); node < 300; node += 7 {
		for id := uint64(0); id < 40; id += 3 {
			m[node<<32|id] = int32(len(m) + 1)
		}
	}
	tab := newEdgeTable(m)
	for k, v := range m {
		for _, key := range []uint64{k, k + 1, k + 1<<32} {
			if got, want := tab.get(key), m[key]; got != want {
				t.Fatalf("get(%#x) = %d, want %d", key, got, want)
			}
		}
		if tab.get(k) != v {
			t.Fatalf("get(%#x) lost", k)
		}
	}
	empty := newEdgeTable(nil)
	if got := empty.get(5); got != 0 {
		t.Fatalf("empty table: get = %d", got)
	}
}
