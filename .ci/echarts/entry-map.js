// What entry.js has, and the map chart with its colour scale (visualMap),
// exposed as the global `echarts`: echarts-map.min.js, which pages that
// draw a map (generator/charts/maps.go, assets/js/maps.js) load instead of
// echarts.min.js, so that the other pages do not carry it.
import * as echarts from 'echarts/core';
import {LineChart, BarChart, ScatterChart, MapChart} from 'echarts/charts';
import {GridComponent, TooltipComponent, LegendComponent, LegendScrollComponent, TitleComponent,
  MarkLineComponent, MarkPointComponent, AriaComponent, VisualMapContinuousComponent} from 'echarts/components';
import {CanvasRenderer} from 'echarts/renderers';
echarts.use([LineChart, BarChart, ScatterChart, MapChart, GridComponent, TooltipComponent, LegendComponent,
  LegendScrollComponent, TitleComponent, MarkLineComponent, MarkPointComponent, AriaComponent,
  VisualMapContinuousComponent, CanvasRenderer]);
export * from 'echarts/core';
