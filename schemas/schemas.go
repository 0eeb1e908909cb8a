// Package schemas holds warwire's JSON contracts, embedded in the binary: the
// NINJS story message read from Kafka, the document indexed into
// Elasticsearch, and the Elasticsearch index template for that document. Its
// tests keep the document schema, the index mapping and pipeline.Document in
// agreement, and check the template against a real Elasticsearch.
package schemas

import (
	"embed"
	"fmt"
)

//go:embed *.json
var files embed.FS

// NINJS is ninjs.schema.json: the JSON Schema (draft 2020-12) of a story
// message, IPTC NINJS 1.x or 2.x. Use ValidateStory to check a message.
var NINJS = mustRead("ninjs.schema.json")

// Document is document.schema.json: the JSON Schema (draft 2020-12) of
// pipeline.Document as encoding/json writes it. Use ValidateDocument.
var Document = mustRead("document.schema.json")

// IndexTemplate is index-template.json: the body of an Elasticsearch 8
// composable index template (PUT _index_template/<name>) for the index pattern
// warwire-stories-*, with strict mappings for pipeline.Document. Its analyzer
// uses the asciifolding token filter, which a cluster has only with the
// analysis-common module (every regular distribution has it).
var IndexTemplate = mustRead("index-template.json")

// The $id of each schema; error messages name the schema by its file name.
const (
	NINJSID    = "https://github.com/warwire/warwire/schemas/ninjs.schema.json"
	DocumentID = "https://github.com/warwire/warwire/schemas/document.schema.json"
)

func mustRead(name string) []byte {
	b, err := files.ReadFile(name)
	if err != nil {
		panic(fmt.Sprintf("schemas: embedded %s is missing: %v", name, err))
	}
	return b
}
