export { monitoringRoutes } from './monitoring.route';
export { monitoringJobHandlers } from './monitoring.exports';
