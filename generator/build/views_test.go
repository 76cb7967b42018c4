package build

import (
	"reflect"
	"testing"

	"github.com/tiendo/tiendo/generator/content"
)

// notShown are the fields of content.Page that templates cannot reach: what
// a page restored from the build cache lacks (Body), and what lists are
// not keyed by (BodyLine, Hash, Keys), which an edit of a page's text or of
// its front matter's layout changes without changing its lists.
var notShown = map[string]bool{"Body": true, "BodyLine": true, "Hash": true, "Keys": true}

// TestPageViewIsWhatListsAreKeyedBy: a template sees of a page its
// PageView, every field of which is a field of content.Page that pageView
// copies; a new field of content.Page is in it or in notShown.
func TestPageViewIsWhatListsAreKeyedBy(t *testing.T) {
	pt, vt := reflect.TypeOf(content.Page{}), reflect.TypeOf(PageView{})
	for i := range pt.NumField() {
		f := pt.Field(i)
		vf, ok := vt.FieldByName(f.Name)
		switch {
		case notShown[f.Name] && ok:
			t.Errorf("PageView.%s: a template can reach what the cache does not keep or key lists by", f.Name)
		case !notShown[f.Name] && !ok:
			t.Errorf("content.Page.%s is not in PageView, nor in notShown: say whether templates show it", f.Name)
		case ok && vf.Type != f.Type:
			t.Errorf("PageView.%s is a %s, content.Page's a %s", f.Name, vf.Type, f.Type)
		}
	}
	// pageView copies every field: each is set in turn.
	for i := range vt.NumField() {
		name := vt.Field(i).Name
		pf, ok := pt.FieldByName(name)
		if !ok {
			t.Errorf("PageView.%s is not a field of content.Page", name)
			continue
		}
		var p content.Page
		f := reflect.ValueOf(&p).Elem().FieldByIndex(pf.Index)
		switch f.Kind() {
		case reflect.String:
			f.SetString("x")
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Int:
			f.SetInt(7)
		case reflect.Slice:
			f.Set(reflect.MakeSlice(f.Type(), 1, 1))
		case reflect.Struct:
			f.Field(0).SetInt(2024)
		default:
			t.Fatalf("content.Page.%s: a %s, which the test cannot set", name, f.Type())
		}
		v := reflect.ValueOf(*pageView(&p)).Field(i)
		if !reflect.DeepEqual(v.Interface(), f.Interface()) {
			t.Errorf("pageView does not copy %s", name)
		}
		if pageMeta(&p) == pageMeta(&content.Page{}) {
			t.Errorf("pageMeta does not hash %s", name)
		}
	}
	if n := reflect.TypeOf(&PageView{}).NumMethod(); n != 0 {
		t.Errorf("PageView has %d methods: what they show is not what lists are keyed by", n)
	}
}

// TestTemplatesCannotReachAPage: no field or method of what templates
// receive leads to a content.Page, which has more than its PageView.
func TestTemplatesCannotReachAPage(t *testing.T) {
	page := reflect.TypeOf(content.Page{})
	seen := map[reflect.Type]string{}
	var walk func(t reflect.Type, path string)
	walk = func(typ reflect.Type, path string) {
		if _, ok := seen[typ]; ok {
			return
		}
		seen[typ] = path
		if typ == page {
			t.Errorf("a template reaches a content.Page: %s", path)
			return
		}
		for _, m := range []reflect.Type{typ, reflect.PointerTo(typ)} {
			if m.Kind() == reflect.Pointer && m.Elem().Kind() == reflect.Pointer {
				continue
			}
			for i := range m.NumMethod() {
				mt := m.Method(i).Type
				for o := range mt.NumOut() {
					walk(mt.Out(o), path+"."+m.Method(i).Name+"()")
				}
			}
		}
		switch typ.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(typ.Elem(), path+"[]")
		case reflect.Func: // a field a template can call
			for o := range typ.NumOut() {
				walk(typ.Out(o), path+"()")
			}
		case reflect.Map:
			walk(typ.Key(), path+"{key}")
			walk(typ.Elem(), path+"{}")
		case reflect.Struct:
			for i := range typ.NumField() {
				if f := typ.Field(i); f.IsExported() {
					walk(f.Type, path+"."+f.Name)
				}
			}
		}
	}
	walk(reflect.TypeOf(&View{}), "View")
	walk(reflect.TypeOf(&ChromeView{}), "ChromeView")
	if _, ok := seen[reflect.TypeOf(PageView{})]; !ok {
		t.Error("the walk does not find PageView: fix the test")
	}
}

// TestPageRecordsKeepEveryField: package store writes the exported fields
// of a value only, so that whatever of a page the cache restores (the
// parsed page, what its conversion found, their problems) must have no
// other: an unexported field would be lost on a page restored from the
// cache, and it would differ from a clean build's.
func TestPageRecordsKeepEveryField(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(typ reflect.Type, path string)
	walk = func(typ reflect.Type, path string) {
		if seen[typ] {
			return
		}
		seen[typ] = true
		switch typ.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(typ.Elem(), path+"[]")
		case reflect.Map:
			walk(typ.Key(), path+"{key}")
			walk(typ.Elem(), path+"{}")
		case reflect.Struct:
			for i := range typ.NumField() {
				f := typ.Field(i)
				if !f.IsExported() {
					t.Errorf("%s.%s (%s) is not exported: the cache does not keep it", path, f.Name, typ)
					continue
				}
				walk(f.Type, path+"."+f.Name)
			}
		case reflect.Interface, reflect.Func, reflect.Chan:
			t.Errorf("%s is a %s: the cache cannot keep it", path, typ)
		}
	}
	walk(reflect.TypeOf(pageRecord{}), "pageRecord")
	walk(reflect.TypeOf(searchRecord{}), "searchRecord")
}
