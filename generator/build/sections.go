package build

import "github.com/tiendo/tiendo/generator/i18n"

// A part of the site that has nothing to show is left out, and nothing
// links to it (menu, footer, search page, sitemap): a section without
// pages has no index, a site without commitments no commitments page, one
// whose sources brought no change no updates page and feed, a language
// without reports or notes no feed. The list of jobs is made from the
// site itself, once per build; what pages show of it, through their reads.

// has reports whether the site has any of what is named: "commitments",
// or "updates" (a change that some source brought).
func (s *Site) has(what string) bool {
	switch what {
	case "commitments":
		return len(s.Data.Commitments) > 0
	case "updates":
		return s.Data.HasChanges()
	}
	return false
}

// hasFeed reports whether lang has reports or notes, which its feed lists.
func (s *Site) hasFeed(lang *i18n.Lang) bool {
	return len(s.section(lang, "reports")) > 0 || len(s.section(lang, "notes")) > 0
}

// has is Site.has, recorded.
func (r *reads) has(what string) bool {
	r.add(dep{Kind: readHas, Arg: what})
	return r.s.has(what)
}

// HasCommitments reports whether the site has commitments, and a page of them.
func (v *LangView) HasCommitments() bool { return v.r.has("commitments") }

// HasUpdates reports whether the site has an updates page: some source
// brought a change.
func (v *LangView) HasUpdates() bool { return v.r.has("updates") }

// HasFeed reports whether the page's language has a feed: it has reports
// or notes.
func (v *LangView) HasFeed() bool { return v.HasSection("reports") || v.HasSection("notes") }
