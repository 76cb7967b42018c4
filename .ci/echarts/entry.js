// The parts of Apache ECharts that tiendo's charts use (see generator/charts
// and assets/js/charts.js), exposed as the global `echarts`.
import * as echarts from 'echarts/core';
import {LineChart, BarChart, ScatterChart} from 'echarts/charts';
import {GridComponent, TooltipComponent, LegendComponent, LegendScrollComponent, TitleComponent,
  MarkLineComponent, MarkPointComponent, AriaComponent} from 'echarts/components';
import {CanvasRenderer} from 'echarts/renderers';
echarts.use([LineChart, BarChart, ScatterChart, GridComponent, TooltipComponent, LegendComponent,
  LegendScrollComponent, TitleComponent, MarkLineComponent, MarkPointComponent, AriaComponent, CanvasRenderer]);
export * from 'echarts/core';
