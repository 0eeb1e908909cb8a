package decode

// fieldTable finds a top-level key's field without hashing the whole key
// as a map lookup does: keys are spread by their length and first and last
// bytes into an open-addressing table built once from fields, and one
// string comparison confirms the slot. It is immutable once built.
type fieldTable struct {
	slots [fieldTableSize]fieldSlot
}

// fieldTableSize is a power of two over twice the number of fields.
const fieldTableSize = 256

// fieldSlot is one entry of a fieldTable; name is "" in an empty slot.
type fieldSlot struct {
	name string
	f    field
}

// byKey is the table of fields.
var byKey = newFieldTable(fields)

func newFieldTable(m map[string]field) *fieldTable {
	if 2*len(m) > fieldTableSize {
		panic("decode: fieldTableSize too small")
	}
	t := new(fieldTable)
	for name, f := range m {
		i := fieldHash(name)
		for t.slots[i].name != "" {
			i = (i + 1) % fieldTableSize
		}
		t.slots[i] = fieldSlot{name: name, f: f}
	}
	return t
}

// fieldHash spreads a non-empty key over the table.
func fieldHash[T string | []byte](key T) uint {
	n := uint(len(key))
	return (n*37 + uint(key[0])*11 + uint(key[n-1])*3 + uint(key[n/2])) % fieldTableSize
}

// lookup returns the field of key and whether it is a property of
// ninjs.schema.json, as fields[string(key)] does.
func (t *fieldTable) lookup(key []byte) (field, bool) {
	if len(key) == 0 {
		return field{}, false
	}
	for i := fieldHash(key); ; i = (i + 1) % fieldTableSize {
		s := &t.slots[i]
		if s.name == "" {
			return field{}, false
		}
		if s.name == string(key) {
			return s.f, true
		}
	}
}
