import { Link, useRouteError } from 'react-router';
import { errorText } from './Status';

export function RouteError({ notFound }: { notFound?: boolean }) {
  const error = useRouteError();
  return (
    <main className="page">
      <h1>{notFound ? 'Page not found' : 'Something went wrong'}</h1>
      {!notFound && <p role="alert">{errorText(error)}</p>}
      <p>
        <Link to="/">Back to the start</Link>
      </p>
    </main>
  );
}
