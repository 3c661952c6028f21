// The two socket.io namespaces. Each module adds its events to the maps of its folder; the maps
// here join them, and both the gateway (`Server<…>`) and the clients (`Socket<…>`) are typed by them.
export const PUBLIC_NAMESPACE = '/public';
export const OFFICE_NAMESPACE = '/office';
