package schemas

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/warwire/warwire/pipeline"
)

// This file checks that pipeline.Document, document.schema.json and the
// mappings of index-template.json describe the same JSON: the same properties
// at every level, with compatible types. agreement_cases_test.go runs it.

var (
	timeType  = reflect.TypeOf(time.Time{})
	geoType   = reflect.TypeOf(pipeline.GeoPoint{})
	spanType  = reflect.TypeOf(pipeline.Span{})
	goDocName = "pipeline.Document"
)

// goField is one JSON property of a Go struct as encoding/json writes it.
type goField struct {
	name     string       // JSON name
	goName   string       // Owner.Field, for messages
	typ      reflect.Type // the field's type
	required bool         // always written: no omitempty
	nullable bool         // a pointer written even when nil (JSON null)
}

// jsonFields lists t's JSON properties, flattening embedded structs.
func jsonFields(t reflect.Type) []goField {
	var out []goField
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if f.Anonymous && name == "" && deref(f.Type).Kind() == reflect.Struct {
			out = append(out, jsonFields(deref(f.Type))...)
			continue
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		omit := slices.Contains(strings.Split(opts, ","), "omitempty")
		out = append(out, goField{
			name:     name,
			goName:   t.Name() + "." + f.Name,
			typ:      f.Type,
			required: !omit,
			nullable: !omit && f.Type.Kind() == reflect.Pointer,
		})
	}
	return out
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}

// shape is how a Go type appears in JSON, for the comparisons below.
type shape string

const (
	shString shape = "string"
	shInt    shape = "integer"
	shFloat  shape = "float"
	shBool   shape = "boolean"
	shTime   shape = "time"
	shGeo    shape = "geo point"
	shSpan   shape = "span"
	shStruct shape = "struct"
	shSlice  shape = "slice"
)

func shapeOf(t reflect.Type) shape {
	t = deref(t)
	switch t {
	case timeType:
		return shTime
	case geoType:
		return shGeo
	case spanType:
		return shSpan
	}
	switch t.Kind() {
	case reflect.String:
		return shString
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return shInt
	case reflect.Float32, reflect.Float64:
		return shFloat
	case reflect.Bool:
		return shBool
	case reflect.Struct:
		return shStruct
	case reflect.Slice, reflect.Array:
		return shSlice
	}
	panic(fmt.Sprintf("agreement: no JSON shape for Go type %s", t))
}

// agreement collects disagreements between a Go type, a JSON Schema and an
// Elasticsearch mapping.
type agreement struct {
	goName string         // "pipeline.Document"
	schema map[string]any // the whole schema, for $ref
	issues []string
}

func (a *agreement) addf(format string, args ...any) {
	a.issues = append(a.issues, fmt.Sprintf(format, args...))
}

// checkAgreement compares t with the schema document and the mapping root
// (template.mappings) and returns every disagreement, sorted.
func checkAgreement(t reflect.Type, schema, mapping map[string]any) []string {
	a := &agreement{goName: goDocName, schema: schema}
	if t != reflect.TypeOf(pipeline.Document{}) {
		a.goName = t.String()
	}
	a.schemaStruct("", t, schema)
	a.mappingStruct("", t, mapping, false)
	sort.Strings(a.issues)
	return a.issues
}

func where(path string) string {
	if path == "" {
		return "the document root"
	}
	return path
}

func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

func obj(v any) map[string]any {
	m, _ := v.(map[string]any)
	return m
}

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// loadJSON decodes one of the embedded files into a generic map.
func loadJSON(b []byte) map[string]any {
	var m map[string]any
	if err := json.Unmarshal(b, &m); err != nil {
		panic(err)
	}
	return m
}
