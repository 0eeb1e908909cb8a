package search

import _ "embed"

// OpenAPI is the hand-written OpenAPI 3 description of the API, served at
// /api/openapi.json. A test keeps it in step with the routes and parameters.
//
//go:embed openapi.json
var OpenAPI []byte
