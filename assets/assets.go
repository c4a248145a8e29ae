// Package assets holds the bundled article, its annotation and the schema of
// the annotation format, embedded so that the binary works from any
// directory with no files beside it.
package assets

import "embed"

// FS holds article.txt, claims.yaml and claims.schema.json.
//
//go:embed article.txt claims.yaml claims.schema.json
var FS embed.FS

// Annotation is the name of the bundled annotation within FS.
const Annotation = "claims.yaml"
