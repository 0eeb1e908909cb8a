package schemas

import (
	"reflect"
	"slices"
	"strings"
)

// resolve follows local $ref chains ("#/$defs/x") to the schema node they name.
func (a *agreement) resolve(node map[string]any) map[string]any {
	for i := 0; node != nil && i < 16; i++ {
		ref, ok := node["$ref"].(string)
		if !ok {
			return node
		}
		var cur any = a.schema
		for _, tok := range strings.Split(strings.TrimPrefix(ref, "#/"), "/") {
			cur = obj(cur)[tok]
		}
		node = obj(cur)
	}
	return node
}

// schemaTypes returns the node's "type" as a list.
func schemaTypes(node map[string]any) []string {
	switch t := node["type"].(type) {
	case string:
		return []string{t}
	case []any:
		var out []string
		for _, v := range t {
			if s, ok := v.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

var schemaTypeFor = map[shape]string{
	shString: "string", shInt: "integer", shFloat: "number", shBool: "boolean",
	shTime: "string", shGeo: "object", shSpan: "array", shStruct: "object", shSlice: "array",
}

// schemaValue checks that node describes a value of Go type t at path.
func (a *agreement) schemaValue(path string, f goField, t reflect.Type, node map[string]any) {
	node = a.resolve(node)
	if node == nil {
		a.addf("document.schema.json: %s (Go %s) has no schema", where(path), f.goName)
		return
	}
	sh := shapeOf(t)
	types := schemaTypes(node)
	if want := schemaTypeFor[sh]; !slices.Contains(types, want) {
		a.addf("document.schema.json: %s has type %v, but Go %s (%s) needs %q", where(path), types, f.goName, t, want)
		return
	}
	if nullable := slices.Contains(types, "null"); nullable != f.nullable {
		a.addf("document.schema.json: %s allows null = %v, but Go %s writes null = %v", where(path), nullable, f.goName, f.nullable)
	}
	switch sh {
	case shTime:
		if node["format"] != "date-time" {
			a.addf("document.schema.json: %s (Go %s, a time) must have format date-time", where(path), f.goName)
		}
	case shSpan:
		items := a.resolve(obj(node["items"]))
		if !slices.Contains(schemaTypes(items), "integer") || node["minItems"] != 2.0 || node["maxItems"] != 2.0 {
			a.addf("document.schema.json: %s (Go %s, a pipeline.Span) must be an array of exactly 2 integers", where(path), f.goName)
		}
	case shSlice:
		elem := deref(t).Elem()
		a.schemaValue(path+"[]", goField{goName: f.goName, typ: elem}, elem, obj(node["items"]))
	case shStruct, shGeo:
		a.schemaStruct(path, deref(t), node)
	}
}

// schemaStruct checks that node is a closed object with exactly t's JSON
// properties, requiring those Go always writes.
func (a *agreement) schemaStruct(path string, t reflect.Type, node map[string]any) {
	if node["additionalProperties"] != false {
		a.addf("document.schema.json: %s must set additionalProperties: false", where(path))
	}
	props := obj(node["properties"])
	required := map[string]bool{}
	if rs, ok := node["required"].([]any); ok {
		for _, r := range rs {
			required[r.(string)] = true
		}
	}
	seen := map[string]bool{}
	for _, f := range jsonFields(t) {
		p := join(path, f.name)
		seen[f.name] = true
		sub, ok := props[f.name]
		if !ok {
			a.addf("%s field %s (Go %s) is missing from document.schema.json", a.goName, p, f.goName)
			continue
		}
		if required[f.name] != f.required {
			a.addf("document.schema.json: %s required = %v, but Go %s has omitempty = %v", p, required[f.name], f.goName, !f.required)
		}
		a.schemaValue(p, f, f.typ, obj(sub))
	}
	for _, k := range keys(props) {
		if !seen[k] {
			a.addf("document.schema.json has property %s that %s does not have", join(path, k), a.goName)
		}
	}
}
