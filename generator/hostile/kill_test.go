package hostile

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// addNotes writes n notes into the site at root, so that a build takes long
// enough to be killed in the middle.
func addNotes(t testing.TB, root string, n int) {
	t.Helper()
	for i := 1; i <= n; i++ {
		write(t, root, fmt.Sprintf("content/notes/n-%d.md", i), note(i, "Ghi chú số"))
	}
}

func note(i int, title string) string {
	return fmt.Sprintf(`+++
title = "%s %d về tiến độ chuyển đổi số"
date = 2025-01-%02d
summary = "Tóm tắt ghi chú %d."
+++

## Nội dung %d

Đoạn văn **%d** với [một liên kết](/metrics/egdi-rank/) và một danh sách:

- một
- hai

| Năm | Giá trị |
|-----|---------|
| 2024 | %d |
`, title, i, i%28+1, i, i, i, i)
}

// leftovers lists the entries beside public/ that a build made (temporary
// and old output directories).
func leftovers(t testing.TB, root string) []string {
	t.Helper()
	entries, err := os.ReadDir(root)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".public") {
			out = append(out, e.Name())
		}
	}
	return out
}

// journalPending reports whether a staging directory beside public/ holds
// the journal of an in-place commit that did not finish.
func journalPending(root string) bool {
	journals, _ := filepath.Glob(filepath.Join(root, ".public.new-*", ".commit"))
	return len(journals) > 0
}

// TestKill9 kills builds of a large site with SIGKILL at several moments and
// checks that public/ is always either the previous tree or the new one,
// complete, or, when the kill landed while an in-place commit (a few
// files) was being moved in, that its journal is pending and the next build
// completes it; and that the next successful build leaves no temporary
// directory behind and no file of deleted content. Each kill is of a build
// that changes the output: the content flips between two versions (one note
// changed, one deleted, one added) whenever a build got through.
func TestKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of 3,000 notes several times")
	}
	const notes = 3000
	root := newSite(t, "site")
	addNotes(t, root, notes)
	deleted, added := "notes/n-2/index.html", fmt.Sprintf("notes/n-%d/index.html", notes+1)
	version := func(b bool) {
		if b {
			write(t, root, "content/notes/n-1.md", note(1, "Ghi chú đã sửa"))
			os.Remove(filepath.Join(root, "content/notes/n-2.md"))
			write(t, root, fmt.Sprintf("content/notes/n-%d.md", notes+1), note(notes+1, "Ghi chú mới"))
		} else {
			write(t, root, "content/notes/n-1.md", note(1, "Ghi chú số"))
			write(t, root, "content/notes/n-2.md", note(2, "Ghi chú số"))
			os.Remove(filepath.Join(root, fmt.Sprintf("content/notes/n-%d.md", notes+1)))
		}
	}
	start := time.Now()
	mustBuild(t, root)
	t.Logf("a first build of %d notes took %v", notes, time.Since(start).Round(time.Millisecond))
	treeA := hashTree(t, filepath.Join(root, "public"))
	version(true)
	start = time.Now()
	mustBuild(t, root)
	took := time.Since(start)
	t.Logf("a build of one changed, one deleted and one added note took %v", took.Round(time.Millisecond))
	if took < 500*time.Millisecond {
		t.Logf("the build is faster than 0.5 s: kills land less often in the middle")
	}
	treeB := hashTree(t, filepath.Join(root, "public"))
	if _, ok := treeA[deleted]; !ok {
		t.Fatalf("fixture: %s not built; the note URL scheme changed?", deleted)
	}
	if _, ok := treeB[deleted]; ok {
		t.Errorf("the page of a deleted note lingers in public/")
	}
	if _, ok := treeB[added]; !ok {
		t.Errorf("the new note is missing from public/")
	}
	if treeA.diff(treeB) == "" {
		t.Fatalf("the two versions built the same tree")
	}

	isB := true // the version public/ holds
	kept, replaced, midCommit := 0, 0, 0
	for _, f := range []float64{0.03, 0.15, 0.3, 0.5, 0.7, 0.85, 0.95, 1.1} {
		version(!isB)
		d := time.Duration(f * float64(took))
		cmd := exec.Command(tiendo, "build", "--root", ".")
		cmd.Dir = root
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(d)
		cmd.Process.Kill() // SIGKILL
		cmd.Wait()
		if _, err := os.Stat(filepath.Join(root, "public")); err != nil {
			t.Fatalf("after a kill at %v: public/ is missing (%v); beside it: %v", d, err, leftovers(t, root))
		}
		got := hashTree(t, filepath.Join(root, "public"))
		old, new := treeA, treeB
		if isB {
			old, new = treeB, treeA
		}
		switch {
		case got.diff(old) == "":
			kept++
		case got.diff(new) == "":
			replaced++
			isB = !isB
		case journalPending(root):
			// Killed while an in-place commit moved its few files into
			// public/: the journal beside it lists what is left, and the
			// next run completes it before doing anything else.
			midCommit++
			mustBuild(t, root)
			if diff := new.diff(hashTree(t, filepath.Join(root, "public"))); diff != "" {
				t.Fatalf("after a kill at %v during an in-place commit, the next build did not complete it:\n%s", d, diff)
			}
			isB = !isB
		default:
			t.Fatalf("after a kill at %v, public/ is neither the old tree nor the new one, and no commit is pending:\nagainst the old:\n%s\nagainst the new:\n%s",
				d, old.diff(got), new.diff(got))
		}
	}
	t.Logf("kills that left the old tree: %d, the new one: %d, an in-place commit half done: %d", kept, replaced, midCommit)
	if kept == 0 {
		t.Errorf("no kill landed before the output was swapped: the test proves nothing")
	}

	version(!isB)
	mustBuild(t, root)
	if left := leftovers(t, root); len(left) > 0 {
		t.Errorf("after a successful build, left beside public/: %v", left)
	}
	want := treeA
	if !isB {
		want = treeB
	}
	if d := want.diff(hashTree(t, filepath.Join(root, "public"))); d != "" {
		t.Errorf("the build after the kills differs from a clean build of the same content:\n%s", d)
	}
}
