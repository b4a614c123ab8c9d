import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/base.css';

createRoot(document.getElementById('root')!, {
  // React's default reports only its wrapper ("…able to recover…"); the cause is what says which component threw.
  onRecoverableError: (error, info) => {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    console.error('Recovered from a render error:', cause instanceof Error ? (cause.stack ?? cause.message) : String(cause), info.componentStack ?? '');
  },
}).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
