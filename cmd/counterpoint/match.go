package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"strings"

	"counterpoint/internal/claims"
)

// findSpeaker resolves --speaker: an id, or a speaker's name or alias, or
// one word of a single speaker's name, without regard to case ("Obama",
// "barack obama", "KCNA", "Lewis"). An unknown one
// is a usage error with the nearest id, as validate suggests.
func findSpeaker(m *claims.Model, s string) (*claims.Speaker, error) {
	if sp := m.Speaker(s); sp != nil {
		return sp, nil
	}
	var ids, names []string
	for _, sp := range m.Speakers {
		if strings.EqualFold(sp.ID, s) || strings.EqualFold(sp.Name, s) {
			return sp, nil
		}
		for _, a := range sp.Aliases {
			if strings.EqualFold(a, s) {
				return sp, nil
			}
		}
		ids = append(ids, sp.ID)
		names = append(names, sp.Name)
	}
	// One word of one speaker's name: "Lewis" for James Lewis.
	var byWord []*claims.Speaker
	for _, sp := range m.Speakers {
		for _, w := range strings.Fields(sp.Name) {
			if strings.EqualFold(w, s) {
				byWord = append(byWord, sp)
				break
			}
		}
	}
	if len(byWord) == 1 {
		return byWord[0], nil
	}
	return nil, unknown("speaker", s, ids, names)
}

// findTopic resolves --topic: an id or a label, without regard to case.
func findTopic(m *claims.Model, s string) (*claims.Topic, error) {
	if t := m.Topic(s); t != nil {
		return t, nil
	}
	var ids, labels []string
	for _, t := range m.Topics {
		if strings.EqualFold(t.ID, s) || strings.EqualFold(t.Label, s) {
			return t, nil
		}
		ids = append(ids, t.ID)
		labels = append(labels, t.Label)
	}
	return nil, unknown("topic", s, ids, labels)
}

// unknown is the usage error for an unknown speaker or topic: the nearest
// id if one is near, by id or by name, then every id.
func unknown(what, s string, ids, names []string) error {
	msg := fmt.Sprintf("unknown %s %q", what, cut(s))
	near := claims.Suggest(s, ids)
	if near == "" {
		if n := claims.Suggest(s, names); n != "" {
			for i := range names {
				if names[i] == n {
					near = ids[i]
				}
			}
		}
	}
	if near != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", near)
	}
	return usagef("%s; the %ss are: %s", msg, what, idList(ids))
}

// errArticle is what --claims gets when it is given an article rather than
// an annotation of one.
var errArticle = errors.New("an article, not an annotation")

// explainArticle turns a failure to load file into a plain word when the
// file is not an annotation at all but prose, an article: what it is, and
// how to make an annotation of it. Any other error is returned as it is.
func explainArticle(file string, err error) error {
	var le *claims.LoadError
	if file == "" || !errors.As(err, &le) || !looksLikeProse(file) {
		return err
	}
	return fmt.Errorf("%s: this looks like %w (an annotation is a YAML file with article:, speakers:, topics: and claims:). "+
		"To draft an annotation of it: counterpoint draft %s -o DIR, then open DIR/claims.yaml; "+
		"or write one by hand beside it, as the README's \"Annotating another article\" says", file, errArticle, file)
}

// looksLikeProse says whether the start of a file reads as prose rather
// than as an annotation: none of an annotation's top-level keys begins a
// line, and some line is a sentence of several words.
func looksLikeProse(file string) bool {
	// Only a regular file is opened: a FIFO would block here as it was
	// refused from blocking the load.
	if st, err := os.Stat(file); err != nil || !st.Mode().IsRegular() {
		return false
	}
	f, err := os.Open(file)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 16<<10)
	n, _ := f.Read(head)
	sentence := false
	for _, line := range bytes.Split(head[:n], []byte("\n")) {
		for _, key := range []string{"article:", "speakers:", "topics:", "claims:", "relations:"} {
			if bytes.HasPrefix(line, []byte(key)) {
				return false
			}
		}
		sentence = sentence || len(bytes.Fields(line)) >= 6
	}
	return sentence
}
