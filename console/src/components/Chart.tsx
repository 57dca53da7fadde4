import { useEffect, useRef, useState } from 'react';
import { Spin } from 'antd';

/**
 * An Apache ECharts chart, loaded only when a page draws one (its own chunk: `import('echarts')`).
 * `option` is an ECharts option object; every chart in the console also shows its numbers as a table.
 */
export function Chart({
  option,
  height = 320,
  label,
}: {
  option: Record<string, unknown>;
  height?: number;
  label: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    let disposed = false;
    let chart: { setOption(o: unknown): void; resize(): void; dispose(): void } | null = null;
    const onResize = () => chart?.resize();
    void import('./echarts-lite').then((echarts) => {
      if (disposed || !el.current) return;
      chart = echarts.init(el.current, undefined, { renderer: 'canvas' });
      chart.setOption({ animation: false, ...option });
      setLoading(false);
      window.addEventListener('resize', onResize);
    });
    return () => {
      disposed = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [option]);
  return (
    <Spin spinning={loading}>
      <div ref={el} role="img" aria-label={label} data-testid="chart" style={{ width: '100%', height }} />
    </Spin>
  );
}
