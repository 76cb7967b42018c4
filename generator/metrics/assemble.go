package metrics

// Assemble returns the Data made of parts that Load returned before, in the
// same order: the build cache saves them and restores them with Assemble
// instead of parsing every file again. Derived points get their Origin back.
func Assemble(sources []*Source, series []*Series, commitments []*Commitment) *Data {
	d := &Data{Sources: sources, Series: series, Commitments: commitments,
		sourceByID: map[string]*Source{}, seriesByID: map[string]*Series{}}
	for _, s := range sources {
		if d.sourceByID[s.ID] == nil {
			d.sourceByID[s.ID] = s
		}
	}
	for _, s := range series {
		d.seriesByID[s.ID] = s
		for i := range s.Points {
			p := &s.Points[i]
			if p.Derived() {
				p.Origin = nil
				for j := range s.Points {
					q := &s.Points[j]
					if q.Subseries == p.Subseries && !q.Derived() && q.Period == *p.DerivedFrom {
						p.Origin = q
						break
					}
				}
			}
		}
	}
	return d
}
