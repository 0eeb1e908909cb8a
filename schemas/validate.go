package schemas

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// ValidateStory checks a story message against ninjs.schema.json. v is the
// message decoded with json.Unmarshal into an `any` (or with a json.Decoder
// using UseNumber); a json.RawMessage is decoded first. It returns nil when the
// message is valid and a *ValidationError naming every failing field
// otherwise; any other error means the schema itself could not be compiled.
func ValidateStory(v any) error { return story.validate(v) }

// ValidateDocument checks an enriched document against document.schema.json.
// v is the document decoded into an `any` like ValidateStory's argument; any
// other Go value (a *pipeline.Document, say) is first encoded with
// encoding/json and decoded again, so it is checked exactly as it would be
// indexed. Errors are as for ValidateStory.
func ValidateDocument(v any) error { return document.validate(v) }

var (
	story    = &validator{file: "ninjs.schema.json", id: NINJSID, raw: NINJS}
	document = &validator{file: "document.schema.json", id: DocumentID, raw: Document}
)

// validator compiles one embedded schema on first use; after that it is safe
// for concurrent use.
type validator struct {
	file, id string
	raw      []byte

	once   sync.Once
	schema *jsonschema.Schema
	tree   any // the schema's JSON, for the x-want annotations
	err    error
}

func (v *validator) compile() {
	v.tree, v.err = jsonschema.UnmarshalJSON(bytes.NewReader(v.raw))
	if v.err != nil {
		v.err = fmt.Errorf("failed to parse %s: %w", v.file, v.err)
		return
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.AssertFormat()
	if err := c.AddResource(v.id, v.tree); err != nil {
		v.err = fmt.Errorf("failed to load %s: %w", v.file, err)
		return
	}
	if v.schema, v.err = c.Compile(v.id); v.err != nil {
		v.err = fmt.Errorf("failed to compile %s: %w", v.file, v.err)
	}
}

func (v *validator) validate(x any) error {
	v.once.Do(v.compile)
	if v.err != nil {
		return v.err
	}
	inst, err := jsonValue(x)
	if err != nil {
		return fmt.Errorf("failed to encode value for %s: %w", v.file, err)
	}
	err = v.schema.Validate(inst)
	if err == nil {
		return nil
	}
	ve, ok := err.(*jsonschema.ValidationError)
	if !ok {
		return fmt.Errorf("failed to validate against %s: %w", v.file, err)
	}
	c := &collector{tree: v.tree, inst: inst, seen: map[Problem]bool{}}
	c.walk(ve)
	sort.SliceStable(c.out, func(i, j int) bool { return c.out[i].Path < c.out[j].Path })
	return &ValidationError{Schema: v.file, Problems: c.out}
}

// jsonValue returns x as the generic JSON value the validator accepts.
func jsonValue(x any) (any, error) {
	switch t := x.(type) {
	case nil, bool, string, float64, json.Number, map[string]any, []any:
		return x, nil
	case json.RawMessage:
		return decode(t)
	}
	b, err := json.Marshal(x)
	if err != nil {
		return nil, err
	}
	return decode(b)
}

func decode(b []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(b))
	d.UseNumber()
	var v any
	if err := d.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

// Problem is one way a value fails a schema.
type Problem struct {
	// Path is a JSON Pointer to the failing field, such as "/headlines/0/value";
	// "" is the value as a whole.
	Path string
	// Message says what is wrong in words: "missing required field",
	// "unknown field", `got string "abc", want integer`.
	Message string
}

// String renders the problem as "path: message", the whole value as "(root)".
func (p Problem) String() string {
	path := p.Path
	if path == "" {
		path = "(root)"
	}
	return path + ": " + p.Message
}

// ValidationError lists every problem found in a value, sorted by path.
type ValidationError struct {
	// Schema is the file name of the schema, such as "ninjs.schema.json".
	Schema   string
	Problems []Problem
}

// maxListed bounds how many problems Error spells out.
const maxListed = 8

// Error implements error: "does not match ninjs.schema.json: /uri: missing
// required field; /urgency: got integer 42, want at most 9".
func (e *ValidationError) Error() string {
	var b strings.Builder
	b.WriteString("does not match " + e.Schema + ": ")
	for i, p := range e.Problems {
		if i == maxListed {
			fmt.Fprintf(&b, "; and %d more", len(e.Problems)-maxListed)
			break
		}
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// Field returns the first problem at path, and whether there is one.
func (e *ValidationError) Field(path string) (Problem, bool) {
	for _, p := range e.Problems {
		if p.Path == path {
			return p, true
		}
	}
	return Problem{}, false
}
