package schemas

import (
	"reflect"
	"slices"
)

// mappingTypes lists the Elasticsearch field types each Go shape may map to.
var mappingTypes = map[shape][]string{
	shString: {"keyword", "text", "match_only_text", "wildcard", "constant_keyword"},
	shInt:    {"long", "integer", "short", "byte"},
	shFloat:  {"float", "double", "half_float", "scaled_float"},
	shBool:   {"boolean"},
	shTime:   {"date", "date_nanos"},
	shGeo:    {"geo_point"},
	shSpan:   {"integer", "long"},
}

// mappingValue checks that node maps a value of Go type t at path.
func (a *agreement) mappingValue(path string, f goField, t reflect.Type, node map[string]any) {
	sh := shapeOf(t)
	typ, _ := node["type"].(string)
	switch sh {
	case shStruct:
		if typ != "" && typ != "object" {
			a.addf("index-template.json: %s is mapped as %q, but Go %s is a struct: want object", where(path), typ, f.goName)
			return
		}
		a.mappingStruct(path, deref(t), node, false)
	case shSlice:
		elem := deref(t).Elem()
		if shapeOf(elem) == shStruct {
			if typ != "nested" && typ != "object" && typ != "" {
				a.addf("index-template.json: %s is mapped as %q, but Go %s is a slice of structs: want nested or object", where(path), typ, f.goName)
				return
			}
			a.mappingStruct(path, deref(elem), node, typ == "nested")
			return
		}
		// Elasticsearch maps an array like its elements.
		a.mappingValue(path, f, elem, node)
	default:
		if !slices.Contains(mappingTypes[sh], typ) {
			a.addf("index-template.json: %s is mapped as %q, but Go %s (%s) needs one of %v", where(path), typ, f.goName, t, mappingTypes[sh])
		}
	}
}

// mappingStruct checks that node is a strict object mapping with exactly t's
// JSON properties.
func (a *agreement) mappingStruct(path string, t reflect.Type, node map[string]any, nested bool) {
	if node["dynamic"] != "strict" {
		kind := "object"
		if nested {
			kind = "nested object"
		}
		a.addf("index-template.json: %s (%s) must set dynamic: strict, has %v", where(path), kind, node["dynamic"])
	}
	props := obj(node["properties"])
	seen := map[string]bool{}
	for _, f := range jsonFields(t) {
		p := join(path, f.name)
		seen[f.name] = true
		sub, ok := props[f.name]
		if !ok {
			a.addf("%s field %s (Go %s) is missing from the mappings of index-template.json", a.goName, p, f.goName)
			continue
		}
		a.mappingValue(p, f, f.typ, obj(sub))
	}
	for _, k := range keys(props) {
		if !seen[k] {
			a.addf("index-template.json maps %s, which %s does not have", join(path, k), a.goName)
		}
	}
}
