export * from './cpu-map-model';
export * from './capacity';
export * from './emitted-settings';
export * from './plan-report';
export * from './report-text';
export * from './text-map';
export * from './svg-map';
export * from './review-page';
