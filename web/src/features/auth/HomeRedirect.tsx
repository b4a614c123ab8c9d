import { Navigate } from 'react-router';
import { useMe } from '../../api/queries';
import { homePathOf } from './roles';

export function HomeRedirect() {
  const me = useMe();
  return me.data ? <Navigate to={homePathOf(me.data.role)} replace /> : null;
}
